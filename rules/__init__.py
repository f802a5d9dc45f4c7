"""The built-in rule catalogue of auditor (installed as the package ``auditor_rules``).

One module per rule; ``directions.yaml`` and ``people.yaml`` hold the domain knowledge the facts are
derived with. See docs/rules.md.
"""
