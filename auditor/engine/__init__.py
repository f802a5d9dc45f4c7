"""The audit engine: facts from a parsed report go into an experta knowledge engine that holds the
selected rules of the catalogue; the rules' conclusions come out as ``Finding`` objects that carry data
(the facts, their figures, the certainty): the words come last, in the outputs.

``audit.audit_report(report, config)`` is the whole pipeline for one parsed report (``runner`` runs the
rules, ``catalogue`` loads them); ``rule_spec`` and ``declared`` are what ``auditor rules`` and ``explain``
read, without experta, the facts or the runner. This package imports nothing, so that reading the
catalogue's declarations costs only what they need.
"""
