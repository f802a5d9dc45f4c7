"""The TOML reader's (tomllib's) messages in the language of the command line: Swedish for sv, as tomllib
wrote them for en. A message this table does not know keeps tomllib's words after a Swedish lead-in, with
its position translated, so that nothing it says is lost."""
from __future__ import annotations

import re

# tomllib's message (a pattern; groups carry what it names) -> the Swedish wording
MESSAGES_SV = (
    (r"Expected '=' after a key in a key/value pair", "'=' saknas efter en nyckel"),
    (r"Expected newline or end of document after a statement", "radbrytning saknas efter ett värde"),
    (r"Invalid statement", "ogiltig rad"),
    (r"Invalid value", "ogiltigt värde"),
    (r"Invalid initial character for a key part", "ogiltigt första tecken i en nyckel"),
    (r"Unterminated string", "en sträng avslutas inte (citattecken saknas)"),
    (r"Unclosed array", "en lista avslutas inte (']' saknas)"),
    (r"Unclosed inline table", "en tabell avslutas inte ('}' saknas)"),
    (r"Expected ']' at the end of a table declaration", "']' saknas i slutet av en tabellrubrik"),
    (r"Expected ']]' at the end of an array declaration", "']]' saknas i slutet av en tabellrubrik"),
    (r"Cannot overwrite a value", "ett värde anges två gånger"),
    (r"Cannot declare (.+) twice", r"\1 anges två gånger"),
    (r"Cannot redefine namespace (.+)", r"\1 definieras två gånger"),
    (r"Cannot mutate immutable namespace (.+)", r"\1 kan inte ändras här"),
    (r"Duplicate inline table key (.+)", r"nyckeln \1 anges två gånger"),
    (r"Illegal character (.+)", r"otillåtet tecken \1"),
    (r"Found invalid character (.+)", r"ogiltigt tecken \1"),
    (r"Unescaped '\\' in a string", "ett ensamt '\\\\' i en sträng"),
    (r"Invalid hex value", "ogiltigt hexadecimalt värde"),
    (r"Invalid date or datetime", "ogiltigt datum"),
    (r"Escaped character is not a Unicode scalar value", "tecknet finns inte i Unicode"),
    (r"Expected (.+)", r"\1 saknas"),
)
_WHERE = re.compile(r"^(?P<what>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at (?P<end>end of document))\)$",
                    re.S)


def toml_problem(message: str) -> tuple[str, str]:
    """tomllib's message as a (Swedish, English) pair, its position included ("rad 3, kolumn 5")."""
    found = _WHERE.match(message)
    what, sv_where = message, ""
    if found:
        what = found.group("what")
        sv_where = (" i slutet av filen" if found.group("end") else
                    f" på rad {found.group('line')}, kolumn {found.group('column')}")
    for pattern, swedish in MESSAGES_SV:
        if re.fullmatch(pattern, what):
            return re.sub(pattern, swedish, what, count=1) + sv_where, message
    return f"syntaxfel{sv_where} ({what})", message
