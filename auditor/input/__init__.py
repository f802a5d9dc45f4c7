"""Input: a report's text as it is read, before any parsing. ``reader`` turns a file (text in its encodings,
or PDF) into text lines; ``pdf`` and ``pdf_geometry`` read a PDF's text layer and its words by position;
``lines``, ``labels``, ``values`` and ``report_starts`` are the text forms that the text path, the PDF path
and the parser share (a line, the form's labels, a cell's value, where a report begins)."""
