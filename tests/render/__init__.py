"""The renderers: HTML (also in a browser), spreadsheets, CI formats, output safety."""
