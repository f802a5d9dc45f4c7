"""``auditor kf-targets learn PATH... --file FILE``: add the KF targets a batch of reports agrees on to a
knowledge file (see rules/kf_targets.yaml and auditor.knowledge.kf_vote)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..words.errors import InputError
from ..words.help import COMMAND_HELP
from ..workflow.audit import expand_paths, known_kf_targets
from ..engine.config import Config
from ..knowledge.kf_vote import consensus, votes
from ..knowledge import read_kf_targets
from ..files import OwnOutputs, check_file_destination, write_file
from ..parser import parse_file
from ..words import catalogue, counted, texts


def register(sub) -> None:
    p = sub.add_parser("kf-targets", help=COMMAND_HELP["kf_targets"],
                       description="Learn KF's annual targets from a batch of reports: the targets that at least "
                                   "two reports print alike, with sure readings, are added to a knowledge file.")
    inner = p.add_subparsers(dest="kf_command", required=True, parser_class=type(p))
    c = inner.add_parser("learn", help="add the batch's agreed KF targets to FILE",
                         description="Add the KF targets the reports in PATH agree on to FILE (created when missing; "
                                     "its entries are kept). Put FILE in a rules folder (--rules DIR) as "
                                     "kf_targets.yaml to use it.")
    c.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt, .pdf) or folders")
    c.add_argument("--file", required=True, metavar="FILE", help="the knowledge file to add to (kf_targets.yaml)")
    c.set_defaults(func=run_learn)


def run_learn(args) -> int:


    check_file_destination(args.file, "--file")
    path = Path(args.file)
    existing = read_kf_targets(path) if path.is_file() else {}
    known = {**known_kf_targets(Config()), **existing}
    batch = []
    own = OwnOutputs([args.file], args.lang)
    for report_path in expand_paths(args.paths, own):   # a missing path or empty folder is an input error
        try:
            batch.append(votes(parse_file(report_path, kf_targets=known)))
        except InputError as exc:                   # one unreadable report does not stop the batch
            print(f"auditor: {exc.message(args.lang)}", file=sys.stderr)
    agreed = consensus(batch, existing)
    names = {key: name for v in batch for key, name in v.names.items()}
    write_file(args.file, _merged_yaml(path, {key: (names[key], cell) for key, cell in agreed.items()}))
    say = texts(catalogue.COMMANDS, args.lang)
    print(say["kf_targets_learnt"].format(path=args.file, targets=counted(say["kf_targets_new"], len(agreed)),
                                          reports=counted(say["kf_targets_reports"], len(batch)),
                                          known=counted(say["kf_targets_known"], len(existing))), file=sys.stderr)
    return 0


def _merged_yaml(path, added: dict) -> str:
    """The file's entries with the new ones under their years (the file is rewritten: its own comments
    are not kept; a new file gets a line saying what it is)."""
    import yaml  # optional: PyYAML (~12 ms), only when a YAML file is read or written

    data = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
    targets = data.get("targets") or {}
    for (year, _), (name, cell) in sorted(added.items()):
        targets.setdefault(year, {})[name] = cell
    data["targets"] = targets
    head = "# KF:s årsmål per år och indikator, skrivna av `auditor kf-targets learn` (se rules/kf_targets.yaml)\n"
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
