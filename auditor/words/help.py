"""The words of the command line in Swedish: each command's and option's English help text, as written in
the command modules, with its Swedish wording, and argparse's own words and messages. ``auditor.commands.cli``
shows one language per run: the Swedish texts by default, the English ones with ``--lang en``. A test
checks that every help text has its Swedish."""
from __future__ import annotations

SV: dict[str, str] = {
    # the program and the commands
    "Audit the goal follow-up reports (ILS-webb) of Stockholm's committees.":
        "Granska Stockholms nämnders uppföljningsrapporter (ILS-webb).",
    "language of messages and findings (default: sv); also accepted after the command":
        "språk för meddelanden och fynd (standard: sv); går också att ange efter kommandot",
    "parse reports and print the model (JSON contract auditor.report/1)":
        "tolka rapporter och skriv ut modellen (JSON-kontraktet auditor.report/1)",
    "audit reports: findings per committee (terminal, md, json, ...)":
        "granska rapporter: fynd per nämnd (terminal, md, json, …)",
    "list the rules of the catalogue": "lista katalogens regler",
    "show a rule's documentation and its pass/fail examples":
        "visa en regels dokumentation och dess exempel som godkänns och underkänns",
    "confirm or dismiss a finding (review file keyed by fingerprint)":
        "bekräfta eller avfärda ett fynd (granskningsfil med fingeravtryck som nyckel)",
    "record current findings so that CI fails only on new ones":
        "spara dagens fynd så att CI bara stoppar på nya",
    "compare two reports of the same committee (T1 → T2 → VB)":
        "jämför två rapporter från samma nämnd (T1 → T2 → VB)",
    "learn KF's annual targets from a batch of reports": "lär in KF:s årsmål från en samling rapporter",
    "Learn KF's annual targets from a batch of reports: the targets that at least two reports print alike, "
    "with sure readings, are added to a knowledge file.":
        "Lär in KF:s årsmål från en samling rapporter: mål som minst två rapporter skriver lika, med säker "
        "läsning, läggs till i en kunskapsfil.",
    "add the batch's agreed KF targets to FILE": "lägg till de KF-mål samlingen är överens om i FILE",
    "Add the KF targets the reports in PATH agree on to FILE (created when missing; its entries are kept). Put "
    "FILE in a rules folder (--rules DIR) as kf_targets.yaml to use it.":
        "Lägg till de KF-mål rapporterna i PATH är överens om i FILE (skapas om den saknas; dess poster behålls). "
        "Lägg FILE i en regelmapp (--rules DIR) som kf_targets.yaml för att använda den.",
    "the knowledge file to add to (kf_targets.yaml)": "kunskapsfilen att lägga till i (kf_targets.yaml)",
    "write a baseline of the findings in PATH": "skriv en baslinje med fynden i PATH",
    # descriptions
    "Parse follow-up reports and print what the parser read.":
        "Tolka uppföljningsrapporter och visa vad tolkningen läste.",
    "Audit follow-up reports and write one audit report per committee. Exit code 0: nothing gates; 1: a "
    "finding at or above --fail-on gates; 2: a usage or input error, or a report that is cut off.":
        "Granska uppföljningsrapporter och skriv en granskning per nämnd. Slutkod 0: inget fynd stoppar; 1: ett "
        "fynd på eller över --fail-on stoppar; 2: fel i kommandoraden eller indata, eller en avklippt rapport.",
    "List the rules of the catalogue.": "Lista katalogens regler.",
    "Show a rule's documentation and examples.": "Visa en regels dokumentation och exempel.",
    "Record a reviewer's decision on a finding, list the decisions, or find stale ones. auditor review serve PATH... "
    "opens the review workspace in a browser.":
        "Spara en granskares beslut om ett fynd, lista besluten eller hitta inaktuella. auditor review serve PATH… "
        "öppnar granskningsrummet i en webbläsare.",
    "Open the review workspace: audit the reports and serve a local web page where each finding is shown beside the "
    "report's own passage and can be confirmed or dismissed in place, into the review file that auditor audit reads.":
        "Öppna granskningsrummet: granska rapporterna och visa en lokal webbsida där varje fynd står bredvid "
        "rapportens egen text och kan bekräftas eller avfärdas på plats, i granskningsfilen som auditor audit läser.",
    "report files (.txt, .pdf), folders, or findings JSON": "rapportfiler (.txt, .pdf), mappar eller fynd-JSON",
    "review file (default: auditor-review.yaml beside the reports, where auditor audit finds it)":
        "granskningsfil (standard: auditor-review.yaml bredvid rapporterna, där auditor audit hittar den)",
    "port to listen on (default: 8765; 0: a free port)": "port att lyssna på (standard: 8765; 0: en ledig port)",
    "address to listen on (default: 127.0.0.1; any other address needs a token)":
        "adress att lyssna på (standard: 127.0.0.1; andra adresser kräver en token)",
    "the token the address must carry (default: a random one when --host is not local)":
        "token som adressen måste ha (standard: en slumpad när --host inte är lokal)",
    "no token (refused when --host is not local)": "ingen token (vägras när --host inte är lokal)",
    "show the findings and decisions; save nothing": "visa fynd och beslut; spara ingenting",
    "Record today's findings so that CI fails only on new ones.":
        "Spara dagens fynd så att CI bara stoppar på nya.",
    "Goals whose assessment changed, indicators that moved away from their target, and findings that appeared "
    "or were fixed, between two reports of the same committee.":
        "Mål vars bedömning ändrats, indikatorer som rört sig bort från årsmålet och fynd som tillkommit eller "
        "åtgärdats, mellan två rapporter från samma nämnd.",
    # options
    "report files (.txt, .pdf) or folders": "rapportfiler (.txt, .pdf) eller mappar",
    "list lines the parser could not place": "lista rader som tolkningen inte kunde placera",
    "write the text that was read (for a PDF: its text in the corpus layout, as the parser reads it), instead "
    "of the model":
        "skriv ut texten som lästes (för en PDF: dess text i korpusens radlayout, som tolkningen läser den) i "
        "stället för modellen",
    "output format (default: table)": "utdataformat (standard: table)",
    "output format (default: terminal)": "utdataformat (standard: terminal)",
    "output format (default: text)": "utdataformat (standard: text)",
    "only these rules (comma-separated ids or prefixes such as GOAL, IND-NO)":
        "bara dessa regler (kommaseparerade id eller prefix som GOAL, IND-NO)",
    "skip these rules (ids or prefixes)": "hoppa över dessa regler (id eller prefix)",
    "exit 1 when a finding has this severity or higher (default: error)":
        "slutkod 1 när ett fynd har den här allvarlighetsgraden eller högre (standard: error)",
    "also load rule modules from DIR": "läs också regelmoduler från DIR",
    "configuration file (default: auditor.toml or pyproject.toml [tool.auditor], searched upwards)":
        "konfigurationsfil (standard: auditor.toml eller pyproject.toml [tool.auditor], sökt uppåt)",
    "ignore configuration files": "bortse från konfigurationsfiler",
    "audit N files in parallel": "granska N filer parallellt",
    "audit N files in parallel; auto (default): one process for a small batch, one per core for a large one":
        "granska N filer parallellt; auto (standard): en process för en liten sats, en per kärna för en stor",
    "write to this file, '-' for standard output (a folder for --format html, and for csv to get both tables)":
        "skriv till den här filen, '-' för standard ut (en mapp för --format html, och för csv för att få båda "
        "tabellerna)",
    "review decisions (default: auditor-review.yaml beside the reports)":
        "granskningsbeslut (standard: auditor-review.yaml bredvid rapporterna)",
    "ignore review decisions": "bortse från granskningsbeslut",
    "let findings on uncertain table columns gate too (default: they do not)":
        "låt även fynd som vilar på osäkra tabellkolumner stoppa (standard: de gör det inte)",
    "withhold findings less likely than P to hold over the table's possible readings (0-1, default 0.6)":
        "håll tillbaka fynd vars sannolikhet att stämma över tabellens möjliga läsningar är lägre än P "
        "(0–1, standard 0,6)",
    "fail only on findings not in this baseline": "stoppa bara på fynd som inte finns i den här baslinjen",
    "--format csv: which table to print (default: findings)":
        "--format csv: vilken tabell som skrivs ut (standard: findings)",
    "the rule's id (see `auditor rules`)": "regelns id (se `auditor rules`)",
    "every rule of the catalogue": "alla regler i katalogen",
    "the finding's fingerprint (shown in every output)": "fyndets fingeravtryck (visas i all utdata)",
    "the finding is right (bekräftad)": "fyndet stämmer (bekräftad)",
    "the finding is wrong or accepted (avfärdad); it no longer fails CI":
        "fyndet är fel eller godtas (avfärdad); det stoppar inte längre CI",
    "delete the decision": "ta bort beslutet",
    "list the decisions": "lista besluten",
    "audit PATH (reports, or findings JSON) and list decisions whose finding is gone":
        "granska PATH (rapporter eller fynd i JSON) och lista beslut vars fynd har försvunnit",
    "why (required for --confirm/--dismiss)": "motivering (krävs för --confirm/--dismiss)",
    "who decides (default: $AUDITOR_REVIEWER)": "vem som beslutar (standard: $AUDITOR_REVIEWER)",
    "date of the decision, YYYY-MM-DD (default: today)": "beslutets datum, ÅÅÅÅ-MM-DD (standard: i dag)",
    "review file (default: auditor-review.yaml beside the reports, else in this folder)":
        "granskningsfil (standard: auditor-review.yaml bredvid rapporterna, annars i den här mappen)",
    "audit PATH to check that the fingerprint exists and copy its rule, file and line":
        "granska PATH för att kontrollera att fingeravtrycket finns och kopiera dess regel, fil och rad",
    "reports or folders (or findings JSON)": "rapporter eller mappar (eller fynd i JSON)",
    "baseline file (default: auditor-baseline.json); '-' for standard output":
        "baslinjefil (standard: auditor-baseline.json); '-' för standard ut",
    "the earlier report (or findings JSON)": "den tidigare rapporten (eller fynd i JSON)",
    "the later report (or findings JSON)": "den senare rapporten (eller fynd i JSON)",
    "compare even when the reports name different committees (with a warning)":
        "jämför även när rapporterna anger olika nämnder (med en varning)",
}


# Each command's one-line help (English; its Swedish is in SV), by command module. Here and not in the command
# modules, so that ``auditor --help`` lists every command without importing any of them; each module's
# ``register`` takes its help from here too, so the two cannot differ.
COMMAND_HELP: dict[str, str] = {
    "parse": "parse reports and print the model (JSON contract auditor.report/1)",
    "audit": "audit reports: findings per committee (terminal, md, json, ...)",
    "rules": "list the rules of the catalogue",
    "explain": "show a rule's documentation and its pass/fail examples",
    "review": "confirm or dismiss a finding (review file keyed by fingerprint)",
    "baseline": "record current findings so that CI fails only on new ones",
    "compare": "compare two reports of the same committee (T1 → T2 → VB)",
    "kf_targets": "learn KF's annual targets from a batch of reports",
}


def help_text(text: str | None, lang: str) -> str | None:
    """``text`` in ``lang``: the Swedish wording for sv (the English text when none is known), else as given."""
    if text is None or lang == "en":
        return text
    return SV.get(text, text)


# argparse's own messages, in Swedish: (pattern of the English message, Swedish replacement). An
# "argument X: ..." message is translated after its prefix; anything not listed stays as argparse wrote it.
ERRORS_SV = (
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ogiltigt val: \1 (välj bland \2)"),
    (r"the following arguments are required: (.*)", r"följande argument saknas: \1"),
    (r"expected one argument", "ett värde krävs"),
    (r"expected at least one argument", "minst ett värde krävs"),
    (r"expected at most one argument", "högst ett värde är tillåtet"),
    (r"expected (\d+) arguments?", r"\1 värden krävs"),
    (r"invalid (\w+) value: (.*)", r"ogiltigt värde: \2"),
    (r"expected auto or a whole number, not (.*)", r"väntade auto eller ett heltal, inte \1"),
    (r"not allowed with argument (.*)", r"kan inte kombineras med \1"),
    (r"one of the arguments (.*) is required", r"ett av argumenten \1 krävs"),
    (r"ambiguous option: (.*) could match (.*)", r"tvetydig flagga: \1 kan vara \2"),
    (r"ignored explicit argument (.*)", r"värdet \1 ignoreras"),
)
# The names argparse gives the subcommand positionals (their ``dest``), as a reader would say them.
NAMES = {"sv": {"command": "kommando", "baseline_command": "kommando"},
         "en": {"command": "command", "baseline_command": "command"}}
# The fixed words of ``--help``; the help texts themselves are English.
HELP_SV = {"usage: ": "användning: ", "positional arguments": "argument", "options": "flaggor",
           "show this help message and exit": "visa den här hjälpen och avsluta",
           "show program's version number and exit": "visa versionen och avsluta"}
