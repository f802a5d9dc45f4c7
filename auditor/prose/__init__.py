"""Prose reading: sentences of a report's free text (``sentences``), and the claims they make about the
indicators' figures (``claims``: values, met or not, trends, counts)."""
