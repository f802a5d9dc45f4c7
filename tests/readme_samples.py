"""The README's code blocks, each tied to what checks it: the samples are the tool's own output.

Every fenced block of README.md is one of
- a **sample**, preceded by ``<!-- sample: COMMAND -->`` or ``<!-- sample: COMMAND | excerpt SELECTION -->``:
  its text is what COMMAND prints (standard output, or what its redirections send there), or the excerpt
  SELECTION picks from it (below); ``python -m tests.readme_samples write`` rewrites every sample from the
  tool and ``... check`` (and tests/cli/test_readme_examples.py) fails when one is out of date;
- **commands** (every line starts with ``auditor `` or ``$ ``): run one after the other; a ``$`` transcript's
  other lines are the output expected of the command above them;
- **checked** another way, ``<!-- checked: NAME -->`` (a check in tests/cli/test_readme_examples.py) or
  ``<!-- ci-job: ... -->`` (tests/cli/test_ci_job.py);
- **not run**, ``<!-- not-run: REASON -->``: what a test cannot do (install, run the suite itself, the
  benchmarks); the reason is printed in the README's source.
A block that is none of these is an error, so nothing is skipped silently.

Commands run in process (``auditor.commands.cli.main``) in a fresh folder that holds what the README says it holds
(``make_workspace``); a small shell understands ``&&``, ``||``, ``;``, ``>``, ``2>&1``, ``# comments``, ``cat``,
``true`` and ``echo $?``.
Standard output is read as UTF-8 without a leading byte-order mark (the CSV has one).

An excerpt SELECTION is a comma-separated list, resolved in order, each part searching after the last:
``head N``, ``tail N``, ``/RE/`` (the next line matching RE), ``/RE/..`/RE2/`` (from it through the next
line matching RE2), ``json N`` (a JSON document with every list cut to its first N items), ``width N``
(lines longer than N cut, ending in ``…``). Skipped lines show as a line ``…``. Any sample is an excerpt of
its output in this sense: its lines appear in the output in order (a line ending in ``…`` as a prefix).
"""
from __future__ import annotations

import functools
import io
import json
import os
import re
import shlex
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FIXTURES = ROOT / "fixtures"
ELISION = "…"


# --- the README's blocks ---------------------------------------------------------------------------------

@dataclass
class Block:
    line: int            # 1-based line of the opening fence
    info: str            # the fence's info string (sh, json, ...)
    text: str            # the content, without the fences, ending in a newline
    marker: str | None   # the HTML comment right before the fence, without <!-- -->
    start: int = 0       # character offsets of the content in the README
    end: int = 0

    @property
    def kind(self) -> str:
        if self.marker:
            head = self.marker.split(":", 1)[0].strip()
            if head in ("sample", "checked", "not-run", "ci-job"):
                return head
        lines = [line for line in self.text.splitlines() if line.strip()]
        if lines and all(line.startswith(("auditor ", "$ ")) for line in lines):
            return "commands"
        if lines and lines[0].startswith("$ "):
            return "transcript"
        return "unclassified"

    @property
    def argument(self) -> str:
        return self.marker.split(":", 1)[1].strip() if self.marker and ":" in self.marker else ""


def blocks(text: str) -> list[Block]:
    """Every fenced block of a Markdown text, with the comment that precedes it."""
    found = []
    for m in re.finditer(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", text, re.S | re.M):
        before = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        marker = before[4:-3].strip() if before.startswith("<!--") and before.endswith("-->") else None
        found.append(Block(line=text.count("\n", 0, m.start()) + 1, info=m.group(1).strip(), text=m.group(2),
                           marker=marker, start=m.start(2), end=m.end(2)))
    return found


# --- the folder the examples run in ----------------------------------------------------------------------

def t2_copy_of_example_t1(text: str) -> str:
    """The README's second tertial report: fixtures/example_t1.txt with goal 1.4 marked delvis (and the
    summary saying so), one forecast moved from 11 to 13 st, and the periods of the second tertial."""
    lines = text.split("\n")
    lines[1] = lines[1].replace("Tertialrapport 1", "Tertialrapport 2")
    lines[5] = lines[5].replace("uppnås helt", "uppnås delvis")
    lines[19] = lines[19].replace("Uppfylls helt", "Uppfylls delvis")
    lines[59] = lines[59].replace("11 st 10 st 12 st 12 st 11 st", "11 st 10 st 12 st 12 st 13 st")
    for i in (60, 69, 81):
        lines[i] = lines[i].replace("1 2025", "2 2025")
    return "\n".join(lines)


@functools.lru_cache(maxsize=1)
def _scanned_pdf() -> bytes:
    """A PDF page with a drawn box and no text: what a scanner gives (drawn once: fpdf takes a while)."""
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def make_workspace(place: Path) -> Path:
    """The folder the README's examples run in, as the README describes it (*Auditing reports*)."""
    reports = place / "rapporter"
    reports.mkdir(parents=True)
    t1 = (FIXTURES / "example_t1.txt").read_text(encoding="utf-8")
    shutil.copy(FIXTURES / "example_vb.txt", reports / "lovsjo_vb_2020.txt")
    (reports / "lovsjo_t1_2025.txt").write_text(t1, encoding="utf-8")
    (reports / "lovsjo_t2_2025.txt").write_text(t2_copy_of_example_t1(t1), encoding="utf-8")
    shutil.copy(FIXTURES / "example_vb.txt", place / "rapport.txt")
    shutil.copy(FIXTURES / "quirk_truncated.txt", place / "t1-2025.txt")
    shutil.copy(FIXTURES / "quirk_alike_columns.txt", place / "t1-osaker.txt")
    (place / "bilaga.pdf").write_bytes(_scanned_pdf())
    (place / "fixtures").symlink_to(FIXTURES)
    return place


# --- a small shell around auditor.commands.cli.main ---------------------------------------------------------------

@dataclass
class Result:
    code: int
    out: str        # what reached standard output after the redirections
    err: str        # what reached standard error


class ShellError(Exception):
    """A README command this small shell cannot run (it says which)."""


def _capture() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8-sig")


def _auditor(argv: list[str]) -> tuple[int, str, str]:
    from auditor.commands.cli import main

    saved = sys.stdout, sys.stderr, os.environ.get("COLUMNS")
    sys.stdout, sys.stderr = out, err = _capture(), _capture()
    os.environ["COLUMNS"] = "100"            # rich's tables wrap at the terminal's width
    try:
        code = main(argv)
    except SystemExit as exc:                # argparse's --help and --version
        code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdout, sys.stderr = saved[0], saved[1]
        if saved[2] is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = saved[2]
    return code, _text(out), _text(err)


def _simple(words: list[str], cwd: Path, last: int) -> Result:
    """One command with its redirections."""
    args, redirects = [], []
    i = 0
    while i < len(words):
        word = words[i]
        if word in (">", "2>"):
            redirects.append((word, words[i + 1]))
            i += 2
            continue
        if word.startswith(("2>", ">")) and word not in ("2>&1",):
            fd = "2>" if word.startswith("2>") else ">"
            redirects.append((fd, word[len(fd):]))
        elif word == "2>&1":
            redirects.append((word, None))
        else:
            args.append(word)
        i += 1
    if not args:
        raise ShellError("empty command")
    if args[0] == "auditor":
        code, out, err = _auditor(args[1:])
    elif args == ["true"]:
        code, out, err = 0, "", ""
    elif args == ["echo", "$?"]:
        code, out, err = 0, f"{last}\n", ""
    elif args[0] == "cat":
        try:
            code, out, err = 0, "".join((cwd / a).read_text(encoding="utf-8-sig") for a in args[1:]), ""
        except OSError as exc:
            code, out, err = 1, "", f"cat: {exc}\n"
    else:
        raise ShellError(f"not a command these examples run: {args[0]}")
    streams = {1: "out", 2: "err"}        # where each descriptor goes: the terminal's out/err, a file, null
    for op, target in redirects:
        if op == "2>&1":
            streams[2] = streams[1]
        else:
            streams[1 if op == ">" else 2] = ("file", target)
    sent = {"out": "", "err": ""}
    for fd, text in ((1, out), (2, err)):
        where = streams[fd]
        if isinstance(where, tuple):
            if where[1] != "/dev/null":
                (cwd / where[1]).write_text(text, encoding="utf-8")
        else:
            sent[where] += text
    return Result(code, sent["out"], sent["err"])


def run(command: str, cwd: Path, last: int = 0) -> Result:
    """A command line (``a && b || c; d``) run in ``cwd`` (``last``: the exit code ``$?`` gives); what all
    its commands printed, and the exit code of the last one that ran."""
    words = shlex.split(command, comments=True)
    parts = [("", [])]
    for word in words:
        if word in ("&&", "||", ";"):
            parts.append((word, []))
        elif word == "|":
            raise ShellError("pipes are not supported here")
        else:
            parts[-1][1].append(word)
    saved = Path.cwd()
    keep = {k: os.environ.pop(k) for k in ("AUDITOR_DEBUG", "AUDITOR_REVIEWER") if k in os.environ}
    os.chdir(cwd)
    try:
        code, out, err = last, "", ""
        for op, part in parts:
            if (op == "&&" and code != 0) or (op == "||" and code == 0):
                continue
            result = _simple(part, cwd, code)
            code, out, err = result.code, out + result.out, err + result.err
        return Result(code, out, err)
    finally:
        os.chdir(saved)
        os.environ.update(keep)


# --- excerpts ------------------------------------------------------------------------------------------

def _json_lines(value, keep: int, indent: int = 0, key: str | None = None, comma: bool = False) -> list[str]:
    """``value`` printed as ``json.dumps(indent=2, ensure_ascii=False)`` prints it, every list cut to its
    first ``keep`` items and a line ``…`` for the rest."""
    pad = " " * indent
    head = pad + (json.dumps(key, ensure_ascii=False) + ": " if key is not None else "")
    tail = "," if comma else ""
    if isinstance(value, dict) and value:
        items = list(value.items())
        lines = [head + "{"]
        for n, (k, v) in enumerate(items):
            lines += _json_lines(v, keep, indent + 2, k, n < len(items) - 1)
        return lines + [pad + "}" + tail]
    if isinstance(value, list) and value:
        lines = [head + "["]
        shown = value[:keep]
        for n, v in enumerate(shown):
            lines += _json_lines(v, keep, indent + 2, None, n < len(value) - 1)
        if len(value) > keep:
            lines.append(" " * (indent + 2) + ELISION)
        return lines + [pad + "]" + tail]
    return [head + json.dumps(value, ensure_ascii=False) + tail]


def excerpt(output: str, selection: str) -> str:
    """The lines of ``output`` that ``selection`` picks (module docstring), ``…`` where lines are left out."""
    lines = output.splitlines()
    parts = [p.strip() for p in re.split(r",\s*(?=head |tail |/|json |width )", selection) if p.strip()]
    width = None
    picked: list[int] = []
    position = 0

    def find(pattern: str, start: int) -> int:
        for n in range(start, len(lines)):
            if re.search(pattern, lines[n]):
                return n
        raise ShellError(f"excerpt: no line matches /{pattern}/ after line {start}")

    for part in parts:
        if part.startswith("json "):
            whole = json.loads(output)
            if json.dumps(whole, indent=2, ensure_ascii=False) != output.rstrip("\n"):
                raise ShellError("excerpt: json needs output printed with indent 2")
            return "\n".join(_json_lines(whole, int(part.split()[1]))) + "\n"
        if part.startswith("width "):
            width = int(part.split()[1])
            continue
        if part.startswith("head "):
            span = range(0, min(int(part.split()[1]), len(lines)))
        elif part.startswith("tail "):
            span = range(max(len(lines) - int(part.split()[1]), position), len(lines))
        else:
            m = re.fullmatch(r"/(.+?)/(?:\.\./(.+)/)?", part)
            if not m:
                raise ShellError(f"excerpt: cannot read {part!r}")
            first = find(m.group(1), position)
            span = range(first, (find(m.group(2), first + 1) if m.group(2) else first) + 1)
        picked += [n for n in span if n not in picked]
        position = max(picked) + 1 if picked else 0
    if not parts or all(p.startswith("width ") for p in parts):
        picked = list(range(len(lines)))
    shown, previous = [], -1
    for n in picked:
        if n != previous + 1:
            shown.append(ELISION)
        line = lines[n]
        if width and len(line) > width:
            line = line[:width - 1] + ELISION
        shown.append(line)
        previous = n
    if picked and previous != len(lines) - 1:
        shown.append(ELISION)
    return "\n".join(shown) + "\n"


def is_excerpt(sample: str, output: str) -> str | None:
    """None when every line of ``sample`` appears in ``output`` in order (a line ``…`` stands for lines left
    out, a line ending in ``…`` for a line cut short); else what does not."""
    real = output.splitlines()
    position = 0
    for line in sample.splitlines():
        if line.strip() == ELISION:
            continue
        if line.endswith(ELISION):
            match = lambda r, line=line: r.startswith(line[:-1])   # noqa: E731
        else:
            match = lambda r, line=line: r == line                 # noqa: E731
        for n in range(position, len(real)):
            if match(real[n]):
                position = n + 1
                break
        else:
            return f"not in the output (in this order): {line!r}"
    return None


def _sample_parts(block: Block) -> tuple[str, str | None]:
    command, _, selection = block.argument.partition(" | excerpt")
    return command.strip(), (selection.strip() or None) if _ else None


def sample_output(block: Block, place: Path) -> tuple[str, str]:
    """The sample as the tool prints it now, and the whole output it is taken from."""
    command, selection = _sample_parts(block)
    result = run(command, make_workspace(place))
    if result.code not in (0, 1, 2) or "Traceback" in result.err:
        raise ShellError(f"{command}: exit {result.code}: {result.err}")
    full = result.out
    return (excerpt(full, selection) if selection else full), full


def check_sample(block: Block, place: Path) -> str | None:
    """None when the README's sample is the tool's output; else what differs."""
    generated, full = sample_output(block, place)
    if block.text != generated:
        problem = is_excerpt(block.text, full) or "the excerpt is not the one its selection picks"
        return (f"README line {block.line}: the sample of `{block.argument}` is out of date ({problem}); "
                f"regenerate it with `python -m tests.readme_samples write`")
    return None


def write(readme: Path = README) -> list[int]:
    """Rewrite every sample of ``readme`` from the tool; the lines of the samples that changed."""
    text = readme.read_text(encoding="utf-8")
    changed = []
    for block in reversed(blocks(text)):
        if block.kind != "sample":
            continue
        with tempfile.TemporaryDirectory() as tmp:
            generated, _ = sample_output(block, Path(tmp))
        if generated != block.text:
            text = text[:block.start] + generated + text[block.end:]
            changed.append(block.line)
    readme.write_text(text, encoding="utf-8")
    return sorted(changed)


def main(argv: list[str]) -> int:
    if argv[:1] == ["write"]:
        changed = write()
        print(f"rewrote the samples at README lines {changed}" if changed else "every sample was current")
        return 0
    if argv[:1] == ["check"]:
        problems = []
        for block in blocks(README.read_text(encoding="utf-8")):
            if block.kind == "sample":
                with tempfile.TemporaryDirectory() as tmp:
                    problem = check_sample(block, Path(tmp))
                if problem:
                    problems.append(problem)
        print("\n".join(problems) or "every sample is current")
        return 1 if problems else 0
    print("usage: python -m tests.readme_samples write|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
