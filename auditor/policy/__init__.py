"""Judgements shared by a family of rules, one module each; the docstrings of the rules that use one name it.

- ``target``: whether an indicator meets its annual target -- which figure is compared (which column),
  which number is the target, which way is better (GOAL-FULL-UNMET-IND, IND-UNMET-NO-ANALYSIS, IND-TEXT-MET,
  the indicator counts of GOAL-CLAIM-COUNT, and the status the outputs show for every row);
- ``counts``: whether a count stated in prose ("tre av fem indikatorer uppnås") agrees with the part of
  the report it is about (GOAL-CLAIM-COUNT, SUM-CLAIM-COUNT);
- ``figures``: when a figure written in prose is the table's figure, and which way a figure moved from one
  column to another (IND-TEXT-FIGURE, IND-TEXT-TREND).

The facts (``auditor.facts``) record what a report states with these answers beside it; whether a
statement contradicts the table is decided in the rule modules.
"""
