"""``auditor audit PATH... [--format F] [--output FILE] [--select IDS] [--ignore IDS] [--fail-on LEVEL]
[--rules DIR] [--config FILE]``: audit reports and write one audit report per committee.

Exit codes: 0 nothing at or above the --fail-on level, 1 findings at or above it, 2 usage or input error
(including a file that cannot be read or parsed, and a report cut off mid-table, which is still audited
as far as it goes; the other files are still audited and reported, each bad one named on one line of
standard error).
"""
from __future__ import annotations

import argparse
import contextlib
import sys

from ..engine.config import Config, load_config
from ..files import STDOUT, OwnOutputs, open_output
from ..render import RENDERERS, get_renderer, get_stream, get_two_pass, model_needs
from ..render.destination import check_destination, is_folder_output, write_output
from ..render.headings import incomplete_reasons
from ..triage.gate import report_gates
from ..words import catalogue, word
from ..words.errors import one_line, refusal
from ..words.help import COMMAND_HELP
from ..workflow.audit import Spool, audit_paths, audit_stream, count_inputs
from ..workflow.decisions import Triage, load_decisions, prepare
from ..workflow.progress import batch_progress

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
RANK = {"info": 0, "warning": 1, "error": 2}


def _ids(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for chunk in values for v in chunk.split(",") if v.strip()]


def register(sub) -> None:

    p = sub.add_parser("audit", help=COMMAND_HELP["audit"],
                       description="Audit follow-up reports and write one audit report per committee. Exit code "
                                   "0: nothing gates; 1: a finding at or above --fail-on gates; 2: a usage or "
                                   "input error, or a report that is cut off.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt, .pdf) or folders")
    p.add_argument("--format", "-f", choices=sorted(RENDERERS), default="terminal",
                   help="output format (default: terminal)")
    p.add_argument("--select", action="append", metavar="IDS",
                   help="only these rules (comma-separated ids or prefixes such as GOAL, IND-NO)")
    p.add_argument("--ignore", action="append", metavar="IDS", help="skip these rules (ids or prefixes)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"),
                   help="exit 1 when a finding has this severity or higher (default: error)")
    p.add_argument("--fail-on-uncertain", action="store_true", default=None,
                   help="let findings on uncertain table columns gate too (default: they do not)")
    p.add_argument("--min-confidence", type=float, metavar="P",
                   help="withhold findings less likely than P to hold over the table's possible readings "
                        "(0-1, default 0.6)")
    p.add_argument("--rules", action="append", metavar="DIR", help="also load rule modules from DIR")
    add_run_arguments(p)
    add_output_arguments(p)   # --output, --review, --no-review, --baseline, --table
    p.set_defaults(func=run)


def add_output_arguments(p, *, output: bool = True) -> None:
    if output:
        p.add_argument("--output", "-o", metavar="PATH",
                       help="write to this file, '-' for standard output (a folder for --format html, and for csv "
                            "to get both tables)")
    p.add_argument("--review", metavar="FILE",
                   help="review decisions (default: auditor-review.yaml beside the reports)")
    p.add_argument("--no-review", action="store_true", help="ignore review decisions")
    p.add_argument("--baseline", metavar="FILE", help="fail only on findings not in this baseline")
    p.add_argument("--table", choices=("findings", "indicators"), default=None,
                   help="--format csv: which table to print (default: findings)")


def add_run_arguments(p) -> None:
    """``--config``, ``--no-config`` and ``--jobs``: how an audit runs, shared by every command that audits
    (``audit`` and ``review serve``)."""
    p.add_argument("--config", metavar="FILE", help="configuration file (default: auditor.toml or "
                                                    "pyproject.toml [tool.auditor], searched upwards)")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.add_argument("--jobs", "-j", type=jobs_value, default="auto", metavar="N",
                   help="audit N files in parallel; auto (default): one process for a small batch, one per "
                        "core for a large one")


def jobs_value(text: str):
    """``--jobs``: "auto" or a whole number (checked to be at least 1 by ``run``)."""
    if text.strip().lower() == "auto":
        return "auto"
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected auto or a whole number, not {text!r}") from None


def build_config(args):

    config = Config() if args.no_config else load_config(args.config)
    config.lang = args.lang
    _check_rule_options(args, config)
    if _ids(args.select):
        config.select = _ids(args.select)
    if _ids(args.ignore):
        config.ignore = list(config.ignore) + _ids(args.ignore)
    if args.fail_on:
        config.fail_on = args.fail_on
    if args.fail_on_uncertain:
        config.fail_on_uncertain = True
    if args.min_confidence is not None:
        if not 0 <= args.min_confidence <= 1:
            raise refusal("min_confidence", code="usage")
        config.min_confidence = args.min_confidence
    if args.rules:
        config.rule_dirs = list(config.rule_dirs) + list(args.rules)
    config.enabled(config.catalogue())      # unknown ids and bad parameters fail now, before any parsing
    for spec in config.catalogue():
        config.parameters(spec)
    return config


def _check_rule_options(args, config) -> None:
    """An unknown id given with --select or --ignore is named with its option ("okänd regel i --select: X");
    ids from a configuration file are checked by the configuration, naming its key."""
    catalogue = None
    for option, values in (("--select", _ids(args.select)), ("--ignore", _ids(args.ignore))):
        for p in values or ():
            if catalogue is None:
                probe = Config(rule_dirs=list(config.rule_dirs) + list(args.rules or ()))
                catalogue = probe.catalogue()
            if not catalogue.match(p):
                raise refusal("unknown_rule_in", code="usage", option=option, rule=p)


class BatchSummary:
    """What the exit code and standard error need of each report (``add``), kept as the reports go by:
    whether a file could not be audited or only partly (exit code 2, with its line for standard error),
    and whether a finding gates CI (exit code 1: at or above ``fail_on``, not dismissed by a reviewer, not
    already in the baseline, certain unless ``uncertain``)."""

    def __init__(self, fail_on: str, uncertain: bool = False, lang: str = "sv") -> None:
        self._fail_on, self._uncertain, self._lang = fail_on, uncertain, lang
        self.broken = self.gating = False
        self.lines: list[str] = []          # one for each file not audited, or only partly

    def add(self, audit) -> None:
        if audit.error:
            self.broken = True
            self.lines.append(audit.error)
        elif not audit.complete:
            self.broken = True
            self.lines.append(partial_note(audit, self._lang))
        if not self.gating:
            self.gating = report_gates(audit, self._fail_on, self._uncertain)

    def exit_code(self) -> int:
        return EXIT_USAGE if self.broken else EXIT_FINDINGS if self.gating else EXIT_OK


def run(args) -> int:

    if args.jobs != "auto" and args.jobs < 1:
        raise refusal("jobs", code="usage")
    if args.table and (args.format != "csv" or is_folder_output("csv", args.output)):
        raise refusal("table_needs_csv", code="usage")     # never silently ignored
    config = build_config(args)

    # Everything that can be refused is refused before any report is parsed: the destination (a folder that
    # does not exist, a folder where a file belongs, xlsx to a terminal, HTML for a batch without a folder),
    # the review file and the baseline.
    own = OwnOutputs([args.output], args.lang)
    check_destination(args.format, args.output)
    if args.format == "html":
        check_destination(args.format, args.output, count_inputs(args.paths, own))
    decisions = load_decisions(args, args.paths)

    to_stdout = args.output is None or args.output == STDOUT
    to_terminal = args.output is None and sys.stdout.isatty()
    catalogue = config.catalogue()
    options = {"lang": args.lang, "output": args.output, "color": to_terminal, "fail_on": config.fail_on,
               "fail_on_uncertain": config.fail_on_uncertain,
               "table": args.table, "rule_ids": sorted(config.enabled(catalogue)),
               "rule_titles": {spec.id: spec.summary(args.lang) for spec in catalogue},
               "rule_dirs": list(config.rule_dirs)}
    summary = BatchSummary(config.fail_on, config.fail_on_uncertain, args.lang)
    stream = get_stream(args.format)
    two_pass = get_two_pass(args.format) if stream is None else None
    # A format written report by report (or from the batch read twice) keeps only the summary of each report,
    # so a batch's memory stays flat; not to a terminal, where the progress bar on standard error would be
    # drawn through it.
    if (stream or two_pass) is not None and not (to_stdout and sys.stdout.isatty()):
        notes = _write_streamed(args, config, own, decisions, options, stream, two_pass, summary)
    else:
        with batch_progress() as progress:
            result = audit_paths(args.paths, config, jobs=args.jobs, keep=model_needs(args.format), own=own,
                                 progress=progress)
        notes = prepare(result, args, args.paths, decisions)
        write_output(get_renderer(args.format)(result, options), args.output)
        for r in result.reports:
            summary.add(r)
    notes = renamed_notes(catalogue, config, decisions, args.lang) + notes
    for note in notes:
        print(f"auditor: {note}", file=sys.stderr)
    for line in summary.lines:
        print(f"auditor: {line}", file=sys.stderr)
    return summary.exit_code()


def _write_streamed(args, config, own, decisions, options, stream, two_pass, summary) -> list[str]:
    """Audit the batch and write each report's part of the output as its turn comes (``stream``), or once the
    batch has been scanned, reading each report again (``two_pass``), into the output's temporary file,
    renamed into place only when the whole batch is written: an interrupted run leaves what stood there
    untouched; the notes for standard error."""
    triage = Triage(decisions, args.lang)
    with batch_progress() as progress:
        audits = audit_stream(args.paths, config, jobs=args.jobs, keep=model_needs(args.format), own=own,
                              progress=progress)          # nothing to audit is refused here, before any output
        with contextlib.closing(audits), open_output(args.output or STDOUT) as out:
            if stream is not None:
                parts = stream(out.write, options)
                for audit in audits:
                    triage.apply(audit)
                    parts.add(audit)
                    summary.add(audit)
                parts.close(triage.stale_reviews())
            else:
                _write_two_pass(two_pass(options), audits, triage, summary, out.write)
    return triage.notes()


def _write_two_pass(parts, audits, triage, summary, write) -> None:
    """Scan each report as its turn comes, its decisions attached, and park it again on disk (the
    decisions are attached once, in the batch's order: the baseline is matched in that order), then write
    the output reading them back one at a time."""
    with Spool() as again:
        count = 0
        for audit in audits:
            triage.apply(audit)
            parts.scan(audit)
            summary.add(audit)
            again.put(count, audit)
            count += 1
        audit = None                # the last report is let go too before the output is written
        parts.write(write, (again.get(i) for i in range(count)), triage.stale_reviews())


def renamed_notes(rules, config, decisions, lang: str) -> list[str]:
    """One line for each old id of a renamed rule that the configuration, the options, the review file or the
    baseline names: it still means the rule (the findings' fingerprints are unchanged), but should be
    updated. ``rules``: the rule catalogue."""
    named = list(config.renamed(rules))
    for where, entries in (("--review", decisions.reviews.values() if decisions.reviews else ()),
                           ("--baseline", decisions.baseline.findings if decisions.baseline else ())):
        olds = sorted({e.rule for e in entries if e.rule in rules.renamed})
        named += [(where, old, rules.renamed[old]) for old in olds]
    say = word(catalogue.COMMANDS, "rule_renamed", lang)
    return [say.format(where=where, old=old, new=new) for where, old, new in named]


def partial_note(audit, lang: str) -> str:
    """One line for a report that was audited only as far as it could be parsed."""
    head = word(catalogue.COMMANDS, "audit_incomplete", lang)
    reasons = "; ".join(incomplete_reasons(audit, lang))
    return one_line(f"{audit.source}: {head}" + (f" ({reasons})" if reasons else ""))
