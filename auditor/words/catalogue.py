"""What the tool says, by message group: each entry is (Swedish, English). Renderers and commands look
their words up here (``auditor.words.texts``); nothing else defines a word a reader sees twice (but for the
line of an interrupted start, which ``auditor/commands/start.py`` holds: it is needed before any import).

Words of the report form itself (markers, level labels) are in ``form`` and used from there.
"""
from .form import LEVEL_NAMES, MARKERS

# Which way is better for an indicator.
DIRECTIONS = {
    'higher': ('högre är bättre', 'higher is better'),
    'lower': ('lägre är bättre', 'lower is better'),
    'band': ('inom ± årsmålet', 'within ± target'),
}

# The column whose figure is compared with the target.
FIGURE_COLUMNS = {
    'outcome': ('utfall', 'outcome'),
    'forecast': ('prognos', 'forecast'),
}

# The indicator table's value columns as a reader names them in a sentence.
COLUMNS = {
    'outcome': ('periodens utfall', "the period's outcome"),
    'outcome_men': ('utfall män/pojkar', 'outcome men/boys'),
    'outcome_women': ('utfall kvinnor/flickor', 'outcome women/girls'),
    'previous': ('föregående års utfall', "last year's outcome"),
    'forecast': ('prognos helår', 'the forecast for the year'),
    'target': ('årsmål', 'the annual target'),
    'kf_target': ('KF:s årsmål', "KF's annual target"),
}

# What decided a direction or whether a row is about people (the facts name it in English codes).
BASIS = {
    'name pattern': ('namnmönster', 'name pattern'),
    'target text': ('årsmålets text', 'target text'),
    'fallback': ('standardantagande', 'default assumption'),
    'excluded by pattern': ('undantaget av mönstret', 'excluded by pattern'),
    'subject': ('subjekt', 'subject'),
}

YES_NO = {
    'yes': ('ja', 'yes'),
    'no': ('nej', 'no'),
}

CONFIDENCE = {
    'high': ('hög', 'high'),
    'low': ('låg', 'low'),
}

REPORT_KINDS = {
    'VB': ('verksamhetsberättelse', 'annual report'),
    'T1': ('tertialrapport 1', 'tertial report 1'),
    'T2': ('tertialrapport 2', 'tertial report 2'),
}

# A goal's assessment in running text (a heading's parenthesis, evidence).
ASSESSMENTS = {
    'helt': (MARKERS['helt'], 'fully met'),
    'delvis': (MARKERS['delvis'], 'partly met'),
    'inte': (MARKERS['inte'], 'not met'),
    'ingen': (MARKERS['ingen'], 'no assessment'),
}

# Goal levels, and what else a claim may count, in running text.
LEVELS = {
    'inriktningsmal': (LEVEL_NAMES['inriktningsmal'], "KF's strategic goal"),
    'verksamhetsomradesmal': (LEVEL_NAMES['verksamhetsomradesmal'], "KF's goal for the area of activity"),
    'namndmal': ('nämndmål', 'committee goal'),
    'enhetsmal': ('enhetsmål', 'unit goal'),
    'indikator': ('indikatorer', 'indicators'),
    'aktivitet': ('aktiviteter', 'activities'),
}

# Goal levels as the goal tree of ``auditor parse`` names them.
LEVEL_HEADINGS = {
    'inriktningsmal': (LEVEL_NAMES['inriktningsmal'], "KF's strategic goal"),
    'verksamhetsomradesmal': (LEVEL_NAMES['verksamhetsomradesmal'], "KF's goal for the area of activity"),
    'namndmal': (LEVEL_NAMES['namndmal'], 'Committee goal'),
    'enhetsmal': (LEVEL_NAMES['enhetsmal'], 'Unit goal'),
}

# A goal's assessment in the goal tree of ``auditor parse``, and the degrees a count claim states.
DEGREES = {
    'helt': ('helt', 'fully met'),
    'delvis': ('delvis', 'partly met'),
    'inte': ('inte', 'not met'),
}
PARSE_ASSESSMENTS = {**DEGREES, 'ingen': ('ingen', 'none')}

# Evidence values that are words of the model; None: the value as it is.
EVIDENCE_VALUES = {
    'outcome': ('utfall', None),
    'forecast': ('prognos', None),
    'higher': ('högre är bättre', 'higher is better'),
    'lower': ('lägre är bättre', 'lower is better'),
    'band': ('inom ett intervall', 'within a band'),
    'unknown': ('okänd', None),
}


# The HTML pages (report and index).
HTML = {
    'audit_of': ('Granskning av', 'Audit of'),
    'index_title': ('Granskning av uppföljningsrapporter', 'Audit of follow-up reports'),
    'findings': ('Fynd', 'Findings'),
    'goals': ('Mål och bedömningar', 'Goals and assessments'),
    'other_findings': ('Fynd utanför målträdet', 'Findings outside the goal tree'),
    'info_grouped': ('Information, samlad per regel', 'Information, one entry per rule'),
    'n_grouped': ('fynd', 'findings'),
    'no_findings': ('Inga fynd.', 'No findings.'),
    'filter': ('Filtrera', 'Filter'),
    'rule': ('Regel', 'Rule'),
    'all_rules': ('Alla regler', 'All rules'),
    'severity': ('Allvarlighet', 'Severity'),
    'show_dismissed': ('Visa avfärdade', 'Show dismissed'),
    'showing': ('Visar', 'Showing'),
    'of': ('av', 'of'),
    'line': ('rad', 'line'),
    'assessment': ('Bedömning', 'Assessment'),
    'indicators': ('Indikatorer', 'Indicators'),
    'activities': ('Aktiviteter', 'Activities'),
    'met': ('når målet', 'meet the target'),
    'not_met': ('når inte målet', 'miss the target'),
    'undecided': ('kan inte avgöras', 'cannot be decided'),
    'deviations': ('med avvikelse', 'with deviation'),
    'indicator': ('Indikator', 'Indicator'),
    'figure': ('Värde', 'Figure'),
    'target': ('Årsmål', 'Target'),
    'direction': ('Riktning', 'Direction'),
    'decided_by': ('Hur riktningen avgjordes', 'How the direction was decided'),
    'evidence': ('Underlag', 'Evidence'),
    'fingerprint': ('Fingeravtryck', 'Fingerprint'),
    'decision': ('Beslut', 'Decision'),
    'by': ('av', 'by'),
    'low_confidence': ('osäker kolumnplacering', 'uncertain column placement'),
    'source': ('Källa', 'Source'),
    'report': ('Rapport', 'Report'),
    'errors': ('Fel', 'Errors'),
    'warnings': ('Varningar', 'Warnings'),
    'infos': ('Info', 'Info'),
    'dismissed': ('Avfärdade', 'Dismissed'),
    'rules_by_report': ('Fynd per nämnd och regel', 'Findings by committee and rule'),
    'stale': ('Inaktuella granskningsbeslut', 'Stale review decisions'),
    'stale_text': ('Beslut i granskningsfilen vars fynd inte längre finns:', 'Decisions in the review file whose finding no longer exists:'),
    'unreadable': ('Kunde inte läsas', 'Could not be read'),
    'analysis': ('Analys', 'Analysis'),
    'no_analysis': ('Ingen analys', 'No analysis'),
    'gating': ('stoppar CI', 'fails CI'),
    'incomplete': ('Rapporten tolkades inte fullständigt; se tolkningsanmärkningar.', 'The report was not parsed completely; see the parser notes.'),
    'diagnostics': ('Tolkningsanmärkningar', 'Parser notes'),
    'generated_by': ('Skapad av', 'Generated by'),
    'back': ('Alla nämnder', 'All committees'),
    'total': ('Totalt', 'Total'),
    'reports': ('Rapporter', 'Reports'),
    'n_reports': (('{n} rapport', '{n} rapporter'), ('{n} report', '{n} reports')),
    'activity': ('Aktivitet', 'Activity'),
    'deviation': ('Avvikelse', 'Deviation'),
    'print_note': ('Utskriften visar alla fynd oavsett filter.', 'The printout shows all findings whatever the filter.'),

    **DIRECTIONS, **FIGURE_COLUMNS, **YES_NO,
}


# The terminal and Markdown audit reports.
REPORT = {
    'report': ('Granskning av målrapportering', 'Audit of goal follow-up reports'),
    'outside': ('Utanför målen (sammanfattning m.m.)', 'Outside the goals (summary etc.)'),
    'line': ('rad', 'line'),
    'rule': ('Regel', 'Rule'),
    'total': ('Totalt', 'Total'),
    'no_findings': ('Inga fynd.', 'No findings.'),
    'error': ('Filen kunde inte granskas', 'The file could not be audited'),
    'incomplete': ('Granskningen är ofullständig: rapporten kunde bara delvis tolkas.', 'The audit is incomplete: the report could only be partly parsed.'),
    'source': ('Källa', 'Source'),
    'findings': ('fynd', 'findings'),
    'low': ('osäker kolumnplacering', 'uncertain columns'),
    'evidence': ('Underlag', 'Evidence'),
    'summary': ('Sammanställning', 'Summary'),
    'by_goal': ('Fynd per mål', 'Findings by goal'),
    'batch': (('Översikt: {n} rapport', 'Översikt: {n} rapporter'), ('Overview: {n} report', 'Overview: {n} reports')),
    'report_col': ('Rapport', 'Report'),
    'rules_col': ('Fynd per regel', 'Findings per rule'),
    'unreadable': ('kunde inte granskas', 'could not be audited'),
    'fingerprint': ('fingeravtryck', 'fingerprint'),
    'info_grouped': ('Information, samlad per regel', 'Information, one entry per rule'),
    'n_findings': ('{n} fynd', (('{n} finding', '{n} findings'))),
    'new_col': ('Nya', 'New'),
    'dismissed_col': ('Avfärdade', 'Dismissed'),
}


# Severities, review decisions, assessments, goal levels and baseline states, as every renderer shows them.
LABELS = {
    'error': ('fel', 'error'),
    'warning': ('varning', 'warning'),
    'info': ('info', 'info'),
    'bekräftad': ('bekräftad', 'confirmed'),
    'avfärdad': ('avfärdad', 'dismissed'),
    'helt': (MARKERS['helt'], 'Fully met'),
    'delvis': (MARKERS['delvis'], 'Partly met'),
    'inte': (MARKERS['inte'], 'Not met'),
    'ingen': ('Ingen bedömning', 'No assessment'),
    'none': ('Ingen markering', 'No marker'),
    'inriktningsmal': ('Inriktningsmål', 'Strategic goal'),
    'verksamhetsomradesmal': ('Mål för verksamhetsområdet', 'Goal for the area of activity'),
    'namndmal': ('Nämndmål', 'Committee goal'),
    'enhetsmal': ('Enhetsmål', 'Unit goal'),
    'new': ('ny', 'new'),
    'unchanged': ('i baslinjen', 'in baseline'),
}


# The labels of a finding's evidence fields (the figures a reviewer checks first).
EVIDENCE = {
    'outcome': ('utfall', 'outcome'),
    'outcome_men': ('män', 'men'),
    'outcome_women': ('kvinnor', 'women'),
    'previous': ('föreg. år', 'previous year'),
    'forecast': ('prognos', 'forecast'),
    'target': ('årsmål', 'target'),
    'target_text': ('årsmål', 'target'),
    'period': ('period', 'period'),
    'compared': ('jämförs', 'compared'),
    'direction': ('riktning', 'direction'),
    'direction_decided_by': ('avgjort av', 'decided by'),
    'assessment': ('bedömning', 'assessment'),
    'deviation': ('avvikelse', 'deviation'),
    'start': ('start', 'start'),
    'end': ('slut', 'end'),
    'stated': ('anger', 'states'),
    'compared_with': ('jämfört med', 'compared with'),
    'actual': ('faktiskt', 'actual'),
    'about_people': ('om personer', 'about people'),
    'gap_relative': ('relativ skillnad', 'relative gap'),
    'share': ('andel med analys', 'share with analysis'),
    'claim': ('påstående', 'claim'),
}


# The labels of the evidence fields that the evidence lines show in their own way, for renderers that list every field (HTML).
EVIDENCE_NAMES = {
    'indicator': ('indikator', 'indicator'),
    'activity': ('aktivitet', 'activity'),
    'goal': ('mål', 'goal'),
    'level': ('nivå', 'level'),
    'unit': ('enhet', 'unit'),
    'line': ('rad', 'line'),
    'items': ('gäller', 'concerns'),
    'analysis': ('analys', 'analysis'),
    'columns_certain': ('säkra kolumner', 'columns certain'),
    'gap_unit': ('skillnadens enhet', 'gap unit'),
    'about': ('avser', 'about'),
    'met': ('når målet', 'meets target'),
    'claimed': ('påstått', 'claimed'),
    'scope': ('jämfört med', 'compared with'),
    'states_sentence': ('mening', 'sentence'),
    'confidence': ('säkerhet', 'confidence'),
    'certainty': ('säkerhet i kolumnplaceringen', 'confidence of the column placement'),
    'doubt': ('tvivel', 'doubt'),
    'gender_gap': ('skillnad kvinnor–män', 'gap women–men'),
    'share': ('andel med analys', 'share with analysis'),
    'text': ('text', 'text'),
}


# auditor compare.
COMPARE = {
    'title': ('Jämförelse', 'Comparison'),
    'goals': ('Mål vars bedömning ändrats', 'Goals whose assessment changed'),
    'away': ('Indikatorer som rört sig bort från årsmålet', 'Indicators that moved away from target'),
    'new': ('Nya fynd', 'New findings'),
    'fixed': ('Åtgärdade fynd', 'Fixed findings'),
    'added': ('Nya mål', 'Goals added'),
    'removed': ('Mål som försvunnit', 'Goals removed'),
    'none': ('Inga skillnader.', 'No differences.'),
    'line': ('rad', 'line'),
    'target': ('årsmål', 'target'),
    'nothing': ('inga', 'none'),
    'no_goals': ('Mål och indikatorer jämförs inte: en fyndfil (JSON) innehåller inte den tolkade rapporten. Ange rapportfilerna (.txt, .pdf) för att jämföra dem.', 'Goals and indicators are not compared: a findings file (JSON) does not hold the parsed report. Pass the report files (.txt, .pdf) to compare them.'),
    'no_finding_changes': ('Inga skillnader i fynden.', 'No differences in the findings.'),
    'helt': ('helt', 'fully'),
    'delvis': ('delvis', 'partly'),
    'inte': ('inte', 'not'),
    'ingen': ('ingen', 'none'),
    None: ('ingen markering', 'no marker'),
}


# auditor parse --format table.
PARSE_TABLE = {
    'unknown': ('okänd nämnd', 'unknown committee'),
    'no_analysis': ('ingen analys', 'no analysis'),
    'line': ('rad', 'line'),
    'unsure': (('{n} osäker rad', '{n} osäkra rader'), ('{n} uncertain row', '{n} uncertain rows')),
    'indicators': (('{n} indikator', '{n} indikatorer'), ('{n} indicator', '{n} indicators')),
    'activities': (('{n} aktivitet', '{n} aktiviteter'), ('{n} activity', '{n} activities')),
    'deviations': ('{n} med avvikelse', '{n} with deviation'),
    'diag_title': ('Diagnostik', 'Diagnostics'),
    'diag_cols': (('plats', 'kod', 'meddelande', 'text'), ('where', 'code', 'message', 'text')),
    'diag_none': ('Diagnostik: inga (alla rader placerades)', 'Diagnostics: none (every line was placed)'),
    'diag_hint': (('{n} diagnostikrad (visa med --diagnostics)', '{n} diagnostikrader (visa med --diagnostics)'), ('{n} diagnostic (show with --diagnostics)', '{n} diagnostics (show with --diagnostics)')),
}


# A count claim and what it was compared with.
CLAIM_WORDS = {
    'all': ('samtliga {degree}', 'all {degree}'),
    'of': ('(av {n})', '(of {n})'),
    'total': ('totalt {n}', '{n} in total'),
    'none': ('inga', 'none'),
    'met': ('{n} uppnådda', '{n} met'),
    'not_met': ('{n} ej uppnådda', '{n} not met'),
    'unknown': ('{n} utan bedömning', '{n} without assessment'),
    'activities': (('{n} aktivitet', '{n} aktiviteter'), ('{n} activity', '{n} activities')),
}


# What a count claim was compared with; {goal} is the goal's number, else its title.
CLAIM_SCOPES = {
    'own_indicators': ('målets egna indikatorer ({goal})', "the goal's own indicators ({goal})"),
    'indicators_below': ('målets och undermålens indikatorer', 'the indicators of the goal and its sub-goals'),
    'own_activities': ('målets aktiviteter', "the goal's activities"),
    'activities_below': ('målets och undermålens aktiviteter', 'the activities of the goal and its sub-goals'),
    'child_goals': ('undermålen', 'the sub-goals'),
    'sibling_goals': ('målen under överordnat mål', 'the goals under the parent goal'),
    'section_goals': ('målen under {goal}', 'the goals under {goal}'),
    'report': ('hela rapporten', 'the whole report'),
    'subtree': ('målen under {goal}', 'the goals under {goal}'),
}


# A rule's documentation (auditor explain, docs/rules.md).
RULE_DOCS = {
    'severity': ('Allvarlighet (standard)', 'Default severity'),
    'parameters': ('Parametrar', 'Parameters'),
    'message': ('Meddelande', 'Message'),
    'examples': ('Exempel', 'Examples'),
    'run_as_tests': ('körs också som tester', 'they also run as tests'),
    'fail': ('ger fynd', 'fails'),
    'pass': ('godkänns', 'passes'),
    'formerly': ('Hette tidigare', 'Formerly'),
    'with_parameters': ('Med parametrarna', 'With the parameters'),
    'message_says': ('Meddelandet innehåller', 'The message contains'),
}


# The evidence lines under a finding, and the findings withheld for unsure cells ({n}: how many).
EVIDENCE_WORDS = {
    'by': ('av', 'by'),
    'confidence': ('säkerhet', 'confidence'),
    'analysis': ('analys: ', 'analysis: '),
    'withheld': (('{n} möjliga fynd hölls tillbaka: tabellcellerna de vilar på är troligare felplacerade än rätt '
                  '(--min-confidence 0 rapporterar dem)',) * 2,
                 ('{n} possible finding withheld: the table cells it rests on are more likely misplaced than not '
                  '(--min-confidence 0 reports them)',
                  '{n} possible findings withheld: the table cells they rest on are more likely misplaced than not '
                  '(--min-confidence 0 reports them)')),
}

# The spreadsheets' sheets and the csv files written to a folder.
SHEETS = {
    'findings': ('Fynd', 'Findings'),
    'indicators': ('Indikatorer', 'Indicators'),
    'findings_file': ('fynd.csv', 'findings.csv'),
    'indicators_file': ('indikatorer.csv', 'indicators.csv'),
}

# What the parser says about lines it could not place (``auditor parse --diagnostics``), by code.
DIAGNOSTICS: dict[str, tuple[str, str]] = {
    "unplaced": ("texten kunde inte placeras i rapportens struktur",
                 "the text could not be placed in the report's structure"),
    "unplaced-indicator-table": ("text i en indikatortabell som varken är en rad eller en analys",
                                 "text in an indicator table that is neither a row nor an analysis"),
    "unplaced-activity-table": ("text i en aktivitetstabell som varken är en rad eller en analys",
                                "text in an activity table that is neither a row nor an analysis"),
    "unplaced-before-row": ("text före en tabellrad som inte hör till raden ovanför",
                            "text before a table row that does not belong to the row above"),
    "row-incomplete": ("indikatorraden saknar period (värdena kan vara ofullständiga)",
                       "the indicator row has no period cell (its values may be incomplete)"),
    "unknown-header-word": ("okänd kolumn i indikatortabellens rubrik (dess celler läses inte som någon känd kolumn)",
                            "unknown column in the indicator table's header (its cells are not read as any known column)"),
    "goal-without-title": ("mål utan titel", "goal label without a title"),
    "no-goals": (f"inga mål hittades (inga rubriker som \"{LEVEL_NAMES['inriktningsmal']}:\" eller "
                 f"\"{LEVEL_NAMES['namndmal']}:\")",
                 f"no goals found (no labels such as \"{LEVEL_NAMES['inriktningsmal']}:\" or "
                 f"\"{LEVEL_NAMES['namndmal']}:\")"),
    "cut-mid-character": ("filen slutar mitt i ett tecken (de sista byten saknas): rapporten är avklippt",
                          "the file ends inside a character (its last bytes are missing): the report is cut off"),
    "truncated": ("texten slutar mitt i ett måls tabell: rapporten ser avklippt ut",
                  "the text ends inside a goal's table: the report looks cut off"),
    "pdf-table-text": ("tabellens rubrik står inte i kolumner som går att läsa: tabellen lästes som text, och "
                       "cellernas kolumner är slutledda, inte avlästa (PDF-filens övriga tabeller lästes av "
                       "position)",
                       "the table's header does not stand in readable columns: the table was read as text, and "
                       "its cells' columns are inferred, not read (the PDF's other tables were read by position)"),
    "pdf-text-path": ("PDF-filens indikatortabeller har ingen kolumngeometri som går att läsa (rubrikens ord står "
                      "inte i kolumner): texten lästes som text, och cellernas kolumner är slutledda, inte avlästa",
                      "the PDF's indicator tables have no column geometry to read (the header's words do not "
                      "stand in columns): its text was read as text, and the cells' columns are inferred, not read"),
}

# The spreadsheets' column headers (findings and indicators tables), by column.
SHEET_COLUMNS = {
    'committee': ('Nämnd', 'Committee'),
    'report_kind': ('Rapport', 'Report'),
    'year': ('År', 'Year'),
    'source': ('Källa', 'Source'),
    'line': ('Rad', 'Line'),
    'page': ('Sida', 'Page'),
    'page_line': ('Rad på sidan', 'Line on page'),
    'rule': ('Regel', 'Rule'),
    'severity': ('Allvarlighet', 'Severity'),
    'goal_number': ('Mål nr', 'Goal no.'),
    'goal': ('Mål', 'Goal'),
    'message': ('Meddelande', 'Message'),
    'evidence': ('Underlag', 'Evidence'),
    'confidence': ('Säkerhet', 'Confidence'),
    'decision': ('Beslut', 'Decision'),
    'reason': ('Motivering', 'Reason'),
    'decided_by': ('Beslutat av', 'Decided by'),
    'decided_on': ('Beslutsdatum', 'Decided on'),
    'baseline': ('Baslinje', 'Baseline'),
    'fingerprint': ('Fingeravtryck', 'Fingerprint'),
    'goal_level': ('Målnivå', 'Goal level'),
    'assessment': ('Målets bedömning', 'Goal assessment'),
    'indicator': ('Indikator', 'Indicator'),
    'outcome': ('Utfall', 'Outcome'),
    'outcome_men': ('Utfall män/pojkar', 'Outcome men/boys'),
    'outcome_women': ('Utfall kvinnor/flickor', 'Outcome women/girls'),
    'previous': ('Föregående utfall', 'Previous outcome'),
    'forecast': ('Prognos helår', 'Full-year forecast'),
    'target': ('Årsmål', 'Annual target'),
    'kf_target': ('KF:s årsmål', 'Council target'),
    'target_text': ('Årsmål (text)', 'Target (text)'),
    'unit': ('Enhet', 'Unit'),
    'period': ('Period', 'Period'),
    'figure': ('Jämförd siffra', 'Figure compared'),
    'figure_column': ('Jämförd kolumn', 'Column compared'),
    'met': ('Når målet', 'Meets target'),
    'direction': ('Riktning', 'Direction'),
    'direction_decided_by': ('Hur riktningen avgjordes', 'How the direction was decided'),
    'has_analysis': ('Har analys', 'Has analysis'),
    'columns_certain': ('Säkra kolumner', 'Columns certain'),
    'findings': ('Fynd', 'Findings'),
}

# What a finding's message says of the facts it lists, and the doubt about unsure columns.
FINDING_WORDS = {
    'versus_target': ('mot årsmål', 'vs target'),
    'could_be': ('kan vara', 'could be'),
    'empty': ('tom', 'empty'),
    'unsure_columns': ('kolumntolkningen är osäker', 'the column reading is uncertain'),
}

# The CI formats (JUnit, GitHub annotations).
CI = {
    'goal': ('mål', 'goal'),
    'goal_heading': ('Mål: ', 'Goal: '),
    'fingerprint': ('fingeravtryck', 'fingerprint'),
    'findings': ('{n} fynd', ('{n} finding', '{n} findings')),
    'first_at_line': ('första på rad', 'first at line'),
}

# What the commands say on standard output and standard error ({...}: filled in by the command).
COMMANDS = {
    'internal_error': ('internt fel ({what}); rapportera gärna felet (AUDITOR_DEBUG=1 visar var)',
                       'internal error ({what}); please report it (AUDITOR_DEBUG=1 shows where)'),
    'internal_error_in_file': ('{path}: internt fel vid granskningen ({what}); rapportera gärna felet',
                               '{path}: internal error while auditing ({what}); please report it'),
    'own_output_skipped': ('hoppas över: det är kommandots egen utdata', "skipped: it is this command's own output"),
    'audit_incomplete': ('granskningen är ofullständig', 'the audit is incomplete'),
    'no_diagnostics': ('inga diagnostikrader (alla rader placerades)', 'no diagnostics (every line was placed)'),
    'rule_renamed': ('{where} nämner {old}: regeln heter nu {new}', '{where} names {old}: the rule is now called {new}'),
    'stale_decision': ('inaktuellt granskningsbeslut {fingerprint}{what}: fyndet finns inte längre',
                       'stale review decision {fingerprint}{what}: the finding no longer exists'),
    'baseline_fixed': (('{n} fynd i baslinjen är åtgärdat; skapa om den med auditor baseline create',
                        '{n} fynd i baslinjen är åtgärdade; skapa om den med auditor baseline create'),
                       ('{n} baseline finding is fixed; recreate it with auditor baseline create',
                        '{n} baseline findings are fixed; recreate it with auditor baseline create')),
    'baseline_written': ('{path}: {n} fynd i baslinjen', ('{path}: {n} finding in the baseline',
                                                         '{path}: {n} findings in the baseline')),
    # kf_targets_learnt is made of three counts: the new targets, the reports read, the targets known before
    'kf_targets_learnt': ('{path}: {targets} från {reports} ({known})', '{path}: {targets} from {reports} ({known})'),
    'kf_targets_new': (('{n} nytt KF-mål', '{n} nya KF-mål'), ('{n} new KF target', '{n} new KF targets')),
    'kf_targets_reports': (('{n} rapport', '{n} rapporter'), ('{n} report', '{n} reports')),
    'kf_targets_known': ('{n} fanns redan', ('{n} was there', '{n} were there')),
    'rules_title': ('Regelkatalog', 'Rule catalogue'),
    'rules_severity': ('Allvarlighet', 'Severity'),
    'rules_rule': ('Regel (parametrar)', 'Rule (parameters)'),
    'rules_user_rule': (' [egen regel]', ' [user rule]'),
    'rules_hint': ('Mer om en regel: auditor explain ID', 'More about a rule: auditor explain ID'),
    'review_no_decisions': ('{path}: inga beslut', '{path}: no decisions'),
    'review_removed': ('{path}: {fingerprint} borttaget', '{path}: {fingerprint} removed'),
    'review_columns': (('fingeravtryck', 'beslut', 'datum', 'av', 'regel', 'fil och rad', 'motivering'),
                       ('fingerprint', 'decision', 'date', 'by', 'rule', 'file and line', 'reason')),
    'review_stale': ('inaktuellt: {fingerprint}{what} {decision} av {by} {date}: fyndet finns inte längre',
                     'stale: {fingerprint}{what} {decision} by {by} {date}: the finding no longer exists'),
    'review_no_stale': ('{path}: inga inaktuella beslut', '{path}: no stale decisions'),
    'warning': ('varning', 'warning'),
    'compare_committees': ('OLD och NEW gäller olika nämnder ({names}); jämförelsen kan vara missvisande',
                           'OLD and NEW are reports of different committees ({names}); the comparison may mislead'),
    'compare_units': ('OLD och NEW gäller olika enheter ({names}); jämförelsen kan vara missvisande',
                      'OLD and NEW are reports of different units ({names}); the comparison may mislead'),
    'compare_order': ('NEW ({new}) är äldre än OLD ({old}); ange den tidigare rapporten först',
                      'NEW ({new}) is earlier than OLD ({old}); give the earlier report first'),
}

# Where a finding is: a line of a text report, a page and the line on it of a PDF report.
LOCATION = {
    'line': ('rad {line}', 'line {line}'),
    'page': ('sida {page}, rad {line}', 'page {page}, line {line}'),
}

# Refusals: what the commands say before giving up (``errors.refusal``; {...}: filled in where raised).
ERRORS = {
    'review_file_missing': ('granskningsfilen finns inte', 'the review file does not exist'),
    'baseline_missing': ('baslinjen finns inte', 'the baseline does not exist'),
    'baseline_is_folder': ('baslinjen är en mapp, inte en fil', 'the baseline is a folder, not a file'),
    'binary_to_terminal': ('--format {fmt} ger en binär fil som inte kan visas i terminalen; ange --output FIL.{fmt} '
                           'eller dirigera om utdata till en fil',
                           '--format {fmt} makes a binary file that a terminal cannot show; give --output FILE.{fmt} '
                           'or redirect standard output to a file'),
    'output_is_folder': ('är en mapp; {option} ska vara ett filnamn här', 'is a folder; {option} must name a file here'),
    'output_special': ('är {kind}; utdata skrivs bara till en fil, en teckenenhet (som /dev/null), en FIFO eller -',
                       'is {kind}; output goes only to a file, a character device (such as /dev/null), a FIFO or -'),
    'block_device': ('en blockenhet (en disk)', 'a block device (a disk)'),
    'socket': ('en socket', 'a socket'),
    'special_file': ('ingen vanlig fil', 'not a regular file'),
    'input_is_output': ('är också kommandots utdata; välj en annan utdatafil', "is also this command's output; "
                        "choose another output file"),
    'not_a_folder': ('{file} är en fil, inte en mapp', '{file} is a file, not a folder'),
    'no_permission': ('saknar skrivbehörighet', 'permission denied (cannot write here)'),
    'bad_file_name': ('är inget giltigt filnamn', 'is not a valid file name'),
    'output_is_file': ('är en fil; --format {fmt} skriver flera filer i en mapp (ange --output MAPP)',
                       'is a file; --format {fmt} writes several files into a folder (give --output DIR)'),
    'html_needs_folder': ('--format html för flera rapporter kräver --output MAPP',
                          '--format html for several reports needs --output DIR'),
    'cannot_write': ('kan inte skrivas ({reason})', 'cannot be written ({reason})'),
    'cannot_use_file': ('kan inte öppnas ({reason})', 'cannot be opened ({reason})'),
    'cannot_make_folder': ('mappen kan inte skapas ({reason})', 'the folder cannot be created ({reason})'),
    'min_confidence': ('--min-confidence ska vara ett tal mellan 0 och 1',
                       '--min-confidence must be a number between 0 and 1'),
    'unknown_rule_in': ('okänd regel i {option}: {rule} (se `auditor rules`)',
                        'unknown rule in {option}: {rule} (see `auditor rules`)'),
    'jobs': ('--jobs måste vara minst 1', '--jobs must be at least 1'),
    'table_needs_csv': ('--table väljer tabell för --format csv till en fil eller standard ut; de andra formaten '
                        'har ingen tabell att välja',
                        '--table picks the table of --format csv written to a file or standard output; the other '
                        'formats have no table to pick'),
    'compare_committees': ('OLD och NEW gäller olika nämnder ({names}); jämför två rapporter från samma nämnd, '
                           'eller ange --force',
                           'OLD and NEW are reports of different committees ({names}); compare two reports of one '
                           'committee, or pass --force'),
    'compare_one_each': ('OLD och NEW ska vara en rapport var', 'OLD and NEW must be one report each'),
    'unknown_rule': ('okänd regel: {rule}{hint}; se `auditor rules`', 'unknown rule: {rule}{hint}; see `auditor rules`'),
    'did_you_mean': (' (menar du {names}?)', ' (did you mean {names}?)'),
    'rule_or_all': ('ange ett regel-id eller --all', 'give a rule id or --all'),
    'review_give_decision': ('ange --confirm, --dismiss eller --remove', 'give --confirm, --dismiss or --remove'),
    'review_give_fingerprint': ('ange fyndets fingeravtryck', "give the finding's fingerprint"),
    'review_no_decision': ('inget beslut för {fingerprint}', 'no decision for {fingerprint}'),
    'review_no_finding': ('inget fynd med fingeravtrycket {fingerprint} i {paths}',
                          'no finding with fingerprint {fingerprint} in {paths}'),
}

# Refusals of the configuration ([tool.auditor] in pyproject.toml, or auditor.toml).
ERRORS.update({
    'unknown_rule_in_config': ('okänd regel i konfigurationen: {rule}', 'unknown rule in the configuration: {rule}'),
    'no_parameter': ('{rule} har ingen parameter {name!r} (finns: {known})',
                     '{rule} has no parameter {name!r} (known: {known})'),
    'parameter_not_number': ('{rule}.{name} ska vara ett tal', '{rule}.{name} must be a number'),
    'config_missing': ('konfigurationsfilen finns inte', 'the configuration file does not exist'),
    'config_unreadable': ('kan inte läsa konfigurationen: {reason}', 'cannot read the configuration: {reason}'),
    'config_not_toml': ('konfigurationen är ingen giltig TOML: {problem}', 'the configuration is not valid TOML: {problem}'),
    'config_key': ('[tool.auditor] {key}: {problem}', '[tool.auditor] {key}: {problem}'),
    'unknown_key': ('okänd nyckel', 'unknown key'),
    'not_rule_ids': ('ska vara en lista med regel-id', 'must be a list of rule ids'),
    'not_severity': ('ska vara error, warning eller info', 'must be error, warning or info'),
    'not_share': ('ska vara ett tal mellan 0 och 1', 'must be a number between 0 and 1'),
    'not_bool': ('ska vara true eller false', 'must be true or false'),
    'not_table': ('ska vara en tabell', 'must be a table'),
})

# Refusals of the review file and of review decisions ({field}: the decision's field that is wrong).
ERRORS.update({
    'review_file_is_folder': ('granskningsfilen är en mapp, inte en fil', 'the review file is a folder, not a file'),
    'review_file_unreadable': ('granskningsfilen kan inte läsas ({reason})', 'the review file cannot be read ({reason})'),
    'review_file_not_yaml': ('granskningsfilen är ingen giltig YAML{at}: {problem}',
                             'the review file is not valid YAML{at}: {problem}'),
    'at_line': (' (rad {line})', ' (line {line})'),
    'review_file_not_mapping': ('granskningsfilen ska vara en YAML-mappning', 'the review file must be a YAML mapping'),
    'review_file_schema': ('okänt schema {schema!r} (väntade {expected})', 'unknown schema {schema!r} (expected {expected})'),
    'review_decisions_not_mapping': ("'decisions' ska vara en mappning från fingeravtryck till beslut",
                                     "'decisions' must map fingerprints to decisions"),
    'review_decision_invalid': ('beslutet för {fingerprint}: {problem}', 'the decision for {fingerprint}: {problem}'),
    'decision_not_mapping': ('ska vara en mappning med decision, reason, by och date',
                             'must be a mapping with decision, reason, by and date'),
    'field_missing': ('fältet {field} saknas', 'the field {field} is missing'),
    'field_unknown': ('okänt fält {field} (tillåtna: decision, reason, by, date, rule, source, line, message)',
                      'unknown field {field} (allowed: decision, reason, by, date, rule, source, line, message)'),
    'field_decision': ('{field} ska vara {decisions}', '{field} must be {decisions}'),
    'field_int': ('{field} ska vara ett heltal', '{field} must be a whole number'),
    'field_text': ('{field} ska vara text', '{field} must be text'),
    'field_invalid': ('{field} har ett ogiltigt värde', '{field} has an invalid value'),
    'not_fingerprint': ('{text!r} är inget fingeravtryck (16 tecken 0-9 och a-f, som granskningens utdata visar dem)',
                        '{text!r} is not a fingerprint (16 characters 0-9 and a-f, as the audit output shows them)'),
    'not_date': ('--date: {text!r} är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2025-05-12',
                 '--date: {text!r} is not a date; write YYYY-MM-DD, for example 2025-05-12'),
    'decision_value': ('beslutet ska vara {decisions}', 'the decision must be {decisions}'),
    'decision_needs_reason': ('ett beslut behöver både motivering (--reason) och namn (--by)',
                              'a decision needs both a reason (--reason) and a name (--by)'),
    'decision_conflict': ('{by} har redan {decision} fyndet {fingerprint} ({date}: {reason}); ladda om sidan för att '
                          'se beslutet innan du ändrar det',
                          '{by} has already {decision} the finding {fingerprint} ({date}: {reason}); reload the page '
                          'to see that decision before changing it'),
    'decision_conflict_removed': ('beslutet om fyndet {fingerprint} har tagits bort sedan sidan lästes; ladda om sidan',
                                  'the decision on the finding {fingerprint} was removed since the page was read; '
                                  'reload the page'),
})

# Refusals of the review workspace (auditor review serve).
ERRORS.update({
    'serve_needs_extra': ('granskningsrummet behöver paketet {package}; installera auditor[review]',
                          'the review workspace needs the package {package}; install auditor[review]'),
    'serve_public_without_token': ('--host {host} gör granskningsrummet nåbart från andra datorer; det kräver en '
                                   'token (utelämna --no-token)',
                                   '--host {host} makes the workspace reachable from other machines; that needs a '
                                   'token (leave out --no-token)'),
    'serve_port': ('--port ska vara 0-65535 (0: en ledig port)', '--port must be 0-65535 (0: a free port)'),
    'serve_cannot_bind': ('kan inte lyssna på {host}:{port} ({reason})', 'cannot listen on {host}:{port} ({reason})'),
    'serve_read_only': ('granskningsrummet är startat med --read-only; beslut kan inte sparas',
                        'the workspace was started with --read-only; decisions cannot be saved'),
    'serve_unknown_finding': ('fyndet {fingerprint} finns inte i rapporten', 'the finding {fingerprint} is not in the report'),
})

# Refusals of auditor's own JSON files (findings, baselines) and of the knowledge files (YAML).
ERRORS.update({
    'a_baseline': ('en baslinje', 'a baseline'),
    'a_findings_file': ('en fyndfil', 'a findings file'),
    'not_json': ('är inte giltig JSON (rad {line}, kolumn {column})', 'is not valid JSON (line {line}, column {column})'),
    'json_unreadable': ('kan inte läsas som JSON: {reason}', 'cannot be read as JSON: {reason}'),
    'not_document': ('är inte {what} ({schema})', 'is not {what} ({schema})'),
    'document_malformed': ('{what} är felaktig: {at}{problem}', '{what} is malformed: {at}{problem}'),
    'json_missing': ('fältet saknas', 'the field is missing'),
    'json_extra_forbidden': ('okänt fält', 'unknown field'),
    'json_not_allowed': ('otillåtet värde', 'a value that is not allowed'),
    'json_wrong_type': ('fel typ av värde', 'a value of the wrong type'),
    'json_invalid': ('ogiltigt värde', 'an invalid value'),
    'bad_pattern': ('ogiltigt reguljärt uttryck {pattern!r}: {reason}', 'invalid regular expression {pattern!r}: {reason}'),
    'knowledge_unreadable': ('kan inte läsa filen: {reason}', 'cannot read the file: {reason}'),
    'knowledge_not_mapping': ('filen ska innehålla en YAML-tabell', 'the file must hold a YAML mapping'),
    'kf_targets_not_mapping': ('targets ska vara en tabell år -> indikator -> mål',
                               'targets must be a mapping year -> indicator -> target'),
    'kf_targets_year': ('targets.{year}: ska vara ett år med en tabell indikator -> mål',
                        'targets.{year}: must be a year holding a mapping indicator -> target'),
})

# Refusals of rule modules (the built-in catalogue and --rules folders).
ERRORS.update({
    'rule_module_unloadable': ('regelmodulen kan inte läsas: {reason}', 'the rule module cannot be loaded: {reason}'),
    'rule_module_lacks': ('regelmodulen saknar {name}', 'the rule module lacks {name}'),
    'rule_id_invalid': ('ogiltigt regel-id {rule!r} (form: OMRÅDE-VAD)', 'invalid rule id {rule!r} (form: AREA-WHAT)'),
    'rule_severity_invalid': ('ogiltig SEVERITY {severity!r}', 'invalid SEVERITY {severity!r}'),
    'rule_needs_swedish': ('TITLE och MESSAGE behöver en svensk text ("sv")', 'TITLE and MESSAGE need a Swedish text ("sv")'),
    'rule_doc_sv': ('DOC_SV ska vara en text', 'DOC_SV must be a string'),
    'rule_without_rule': ('regelmodulen har ingen @Rule', 'the rule module has no @Rule'),
    'rule_pattern_field': ('regeln {rule} ({function}) matchar {subject}, men {lacks}{hint}',
                           'rule {rule} ({function}) matches {subject}, but {lacks}{hint}'),
    'rule_message_placeholder': ('MESSAGE i regeln {rule} nämner {{{name}}}, som inget fynd av regeln fyller{hint}',
                                 'the MESSAGE of rule {rule} names {{{name}}}, which no finding of the rule fills{hint}'),
    'rule_lacks_parameter': ('regeln har ingen parameter {name!r}', 'the rule has no parameter {name!r}'),
    'rule_parameters': (' (PARAMETERS: {listing})', ' (PARAMETERS: {listing})'),
    'fact_lacks_field': ('{kind} har inget fält {name!r}', '{kind} has no field {name!r}'),
    'fact_fields': (' (fälten: {listing})', ' (its fields: {listing})'),
    'did_you_mean_field': ('; menade du {name!r}?', '; did you mean {name!r}?'),
    'none': ('inga', 'none'),
    'rules_folder_missing': ('regelkatalogen finns inte', 'the rules directory does not exist'),
    'rule_id_taken': ('regel-id {rule} finns redan i {path}', 'rule id {rule} is already defined in {path}'),
    'rule_aliases_invalid': ('regeln {rule}: ALIASES ska vara en lista med regelns tidigare id (form: OMRÅDE-VAD), '
                             'inte {alias}',
                             'rule {rule}: ALIASES must be a list of the rule\'s former ids (form: AREA-WHAT), '
                             'not {alias}'),
})

# The review workspace (auditor review serve): its pages, its exports and its progress lines.
WORKSPACE = {
    'title': ('Granskningsrummet', 'Review workspace'),
    'committees': ('Nämnder', 'Committees'),
    'committee': ('Nämnd', 'Committee'),
    'report': ('Rapport', 'Report'),
    'findings': ('Fynd', 'Findings'),
    'confirmed': ('Bekräftade', 'Confirmed'),
    'dismissed': ('Avfärdade', 'Dismissed'),
    'undecided': ('Obeslutade', 'Undecided'),
    'export': ('Sammanställning', 'Summary'),
    'unreadable': ('kunde inte granskas', 'could not be audited'),
    'stale': ('Inaktuella beslut', 'Stale decisions'),
    'stale_text': ('Beslut i granskningsfilen vars fynd inte längre finns i de granskade rapporterna:',
                   'Decisions in the review file whose finding is no longer in the audited reports:'),
    'no_stale': ('Inga inaktuella beslut.', 'No stale decisions.'),
    'review_file': ('Granskningsfil', 'Review file'),
    'read_only': ('Skrivskyddat läge: beslut kan läsas men inte sparas.',
                  'Read-only: decisions can be read but not saved.'),
    'reviewer': ('Granskare', 'Reviewer'),
    'reviewer_hint': ('ditt namn, sparas med varje beslut', 'your name, saved with each decision'),
    'back': ('Alla nämnder', 'All committees'),
    'filter': ('Filtrera', 'Filter'),
    'rule': ('Regel', 'Rule'),
    'all_rules': ('Alla regler', 'All rules'),
    'severity': ('Allvarlighet', 'Severity'),
    'all_severities': ('Alla', 'All'),
    'certainty': ('Säkerhet', 'Certainty'),
    'all_certainties': ('Alla', 'All'),
    'sure': ('säker', 'certain'),
    'unsure': ('osäker', 'uncertain'),
    'sure_words': ('säker läsning av raden', 'the row is read with certainty'),
    'unsure_words': ('osäker kolumnplacering, säkerhet {value}', 'uncertain column placement, confidence {value}'),
    'decision': ('Beslut', 'Decision'),
    'all_decisions': ('Alla', 'All'),
    'none': ('obeslutad', 'undecided'),
    'showing': ('Visar {shown} av {total}', 'Showing {shown} of {total}'),
    'keyboard': ('Tangenter: j/k nästa/föregående fynd, Enter öppna, c bekräfta, d avfärda, Esc stäng',
             'Keys: j/k next/previous finding, Enter open, c confirm, d dismiss, Esc close'),
    'passage': ('Rapportens text', "The report's text"),
    'no_passage': ('Rapportens text finns inte att visa (fynden lästes från en fyndfil).',
                   "The report's text cannot be shown (the findings were read from a findings file)."),
    'page_image': ('Sidan i PDF:en, {where}', 'The page of the PDF, {where}'),
    'no_box': ('raden kunde inte ringas in (PDF:en lästes som text)', 'the row could not be boxed (the PDF was read as text)'),
    'evidence': ('Underlag', 'Evidence'),
    'doubt': ('Tvivel', 'Doubt'),
    'fingerprint': ('Fingeravtryck', 'Fingerprint'),
    'confirm': ('Bekräfta', 'Confirm'),
    'dismiss': ('Avfärda', 'Dismiss'),
    'reason': ('Motivering', 'Reason'),
    'save': ('Spara beslut', 'Save decision'),
    'saved': ('Sparat: {decision} av {by}, {date}', 'Saved: {decision} by {by}, {date}'),
    'decided': ('{decision} av {by}, {date}: {reason}', '{decision} by {by}, {date}: {reason}'),
    'need_all': ('Välj bekräfta eller avfärda och skriv motivering och ditt namn.',
                 'Choose confirm or dismiss and write a reason and your name.'),
    'failed': ('Beslutet kunde inte sparas', 'The decision could not be saved'),
    'open': ('Visa', 'Show'),
    'goal_outside': ('Utanför målen', 'Outside the goals'),
    'no_findings': ('Inga fynd.', 'No findings.'),
    'progress': ('granskar {done}/{total}: {path}', 'auditing {done}/{total}: {path}'),
    'listening': ('granskningsrummet: {url}', 'review workspace: {url}'),
    'listening_hint': ('(Ctrl-C avslutar; besluten skrivs till {path})', '(Ctrl-C stops; decisions are written to {path})'),
    'token_hint': ('öppna adressen med token; den ger full tillgång till besluten',
                   'open the address with its token; it gives full access to the decisions'),
    'forbidden': ('Åtkomst nekad: öppna adressen med token som skrevs ut när granskningsrummet startade.',
                  'Access denied: open the address with the token printed when the workspace started.'),
    'not_found': ('Finns inte.', 'Not found.'),
    'summary_heading': ('Sammanställning', 'Summary'),
    'total': ('Totalt', 'Total'),
    'source': ('Källa', 'Source'),
    'by_goal': ('Fynd per mål', 'Findings by goal'),
    'no_decision': ('inget beslut', 'no decision'),
    'where': ('Plats', 'Place'),
    'message': ('Fynd', 'Finding'),
    'document_title': ('Granskning av målrapportering', 'Audit of goal follow-up reports'),
    'withheld': ('Undanhållna fynd', 'Withheld findings'),
    'reviewed_by': ('Beslut', 'Decision'),
}

# Why the operating system refused a file, by errno name: the reason a refusal names, in the reader's language
# (the system's own strerror is English whatever the locale of the user).
OS_REASONS = {
    'ENOENT': ('finns inte', 'does not exist'),
    'EACCES': ('behörighet saknas', 'permission denied'),
    'EPERM': ('åtgärden är inte tillåten', 'operation not permitted'),
    'ENAMETOOLONG': ('namnet är för långt för filsystemet', 'the name is too long for the file system'),
    'EISDIR': ('är en mapp', 'is a folder'),
    'ENOTDIR': ('en del av sökvägen är en fil, inte en mapp', 'a part of the path is a file, not a folder'),
    'ELOOP': ('symboliska länkar i en slinga', 'symbolic links in a loop'),
    'ENOSPC': ('disken är full', 'no space left on the disk'),
    'EDQUOT': ('diskkvoten är slut', 'disk quota exceeded'),
    'EROFS': ('filsystemet är skrivskyddat', 'the file system is read-only'),
    'EEXIST': ('finns redan', 'already exists'),
    'EBUSY': ('är upptagen', 'is busy'),
    'ETXTBSY': ('är upptagen', 'is busy'),
    'EIO': ('in- eller utmatningsfel', 'input/output error'),
    'ENXIO': ('ingen enhet eller läsare i andra änden', 'no device or reader at the other end'),
    'EADDRINUSE': ('adressen används redan', 'the address is already in use'),
    'EADDRNOTAVAIL': ('adressen hör inte till den här datorn', 'the address is not one of this machine'),
    'EMFILE': ('för många öppna filer', 'too many open files'),
    'ENFILE': ('för många öppna filer', 'too many open files'),
    'EINVAL': ('ogiltigt argument', 'invalid argument'),
}
