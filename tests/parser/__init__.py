"""The parser: text and PDF in, the Report model out; fixtures, bad input, line accounting, cell placement."""
