"""Prose reading: sentences of a report's free text (``sentences``), the claims they make about the
indicators' figures (``claims``: values, met or not, trends), and the counts and degrees they state about
goals, indicators and activities (``counts``: "tre av fem mål uppfylls helt", "målet uppfylls delvis")."""
