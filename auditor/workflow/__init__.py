"""The workflows the commands run: audit files into findings (``audit``), write a renderer's output safely
(``outputs``) and compare two audits of one committee (``compare``)."""
