"""`goalcoach check`: coach one answer (report or --json) or many (--batch JSON lines).

With --data-dir, the answer is coached against that profile's target (its stage, role,
organisation and terms), as the app coaches it; the options given still win. Without it no
profile is opened. Never imports textual; rich is imported only for the human-readable report.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from goalcoach.coach import ELEMENTS, Context, Feedback, analyse
from goalcoach.cli.check_question import add_question_option, render_question_report
from goalcoach.coach.rubric import (NOTHING_TO_FIX, STAGE_NAMES, STAGES, element_name, issue_name, no_issue_line,
                                    problem_name)
from goalcoach.coach.question_kinds import DEFAULT_KIND, judge
from goalcoach.textsafety import clean_text

USAGE_ERROR = 2
#: The largest answer the human-readable report takes (its layout costs grow with the text:
#: 10 MB took a minute). A spoken two-minute answer is about 2 KB; --json has no such limit.
REPORT_MAX_BYTES = 1_000_000


class InputError(Exception):
    """A problem with what the user gave us: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="goalcoach check",
        description="Coach an answer to 'What are your career goals?': elements present, issues, "
                    "words, speaking time and a score.",
        epilog="Examples: goalcoach check answer.txt | goalcoach check - --json < answer.txt | "
               "goalcoach check --batch answers.jsonl > results.jsonl",
    )
    p.add_argument("path", nargs="?", default="-", metavar="PATH",
                   help="text file with the answer (or JSON lines with --batch); '-' or nothing reads stdin")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    mode.add_argument("--batch", action="store_true",
                      help='input is JSON lines with "id" and "text"; output one JSON object per line')
    p.add_argument("--stage", choices=STAGES,
                   help="career stage, used to judge big leaps: " + ", ".join(f"{k} ({v})" for k, v in STAGE_NAMES.items()))
    p.add_argument("--role", help="the role applied for (counts as tying the answer to it)")
    p.add_argument("--company", help="the organisation's name (counts as tying the answer to it)")
    p.add_argument("--terms", default="", metavar="A,B,…",
                   help="comma-separated mission or value terms to look for")
    p.add_argument("--data-dir", metavar="PATH",
                   help="coach against the target in the goalcoach profile in PATH (stage, role, organisation "
                        "and terms), as the app does; the options above win. PATH must hold a profile: none is created")
    p.add_argument("--correction", action="store_true",
                   help="the answer corrects an earlier one, so acknowledging it is part of what is asked")
    add_question_option(p)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2, already reported on stderr)
        return int(exc.code or 0) if isinstance(exc.code, int) else USAGE_ERROR
    context = Context(stage=args.stage, role=args.role or None, company=args.company or None,
                      terms=tuple(t for t in args.terms.split(",") if t.strip()),
                      expects_acknowledgement=args.correction, follow_up=args.question != DEFAULT_KIND)
    try:
        if args.data_dir is not None:
            found = _profile_context(args.data_dir, context)
            if isinstance(found, int):
                return found
            context = found
        if args.batch:
            return _batch(args.path, context, sys.stdout, args.question)
        # Escape sequences in the answer (OSC 52, OSC 8, ESC[2J) must never reach the terminal.
        limit = None if args.json else REPORT_MAX_BYTES
        text = clean_text(_read_text(args.path, limit))
        if not text.strip():
            raise InputError("the answer is empty")
        feedback = analyse(text, context)
        if args.json:
            sys.stdout.write(json.dumps(judge(args.question, feedback.to_dict(), text), ensure_ascii=False) + "\n")
        elif args.question != DEFAULT_KIND:
            render_question_report(judge(args.question, feedback.to_dict(), text), text)
        else:
            render_report(feedback, context)
        return 0
    except InputError as exc:
        from goalcoach.cli.profile_options import clean_line

        # A path named in the message could carry terminal control sequences: one clean line.
        sys.stderr.write(clean_line(f"goalcoach check: error: {exc}") + "\n")
        return USAGE_ERROR
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


def _profile_context(data_dir: str, given: Context) -> Context | int:
    """The context the app's coach uses for the profile's target, with the options given winning;
    an exit status when data_dir holds no profile (nothing is created there) or cannot be opened."""
    from goalcoach.cli.profile_options import open_profile
    from goalcoach.domain.coaching import context_for
    from goalcoach.domain.organisation_names import with_short_company
    from goalcoach.paths import profile_file

    path = Path(data_dir).expanduser()
    stored = profile_file(path)
    if not path.is_dir() or not (stored.is_file() or stored.is_symlink()):
        raise InputError(f"{data_dir} holds no goalcoach profile (nothing was created there); "
                         "leave out --data-dir to check the answer without one")
    profile = open_profile(str(path))
    if isinstance(profile, int):
        return profile
    context = with_short_company(context_for(profile, stage=given.stage, role=given.role,
                                             company=given.company, terms=given.terms or None))
    return dataclasses.replace(context, expects_acknowledgement=given.expects_acknowledgement,
                               follow_up=given.follow_up)


def _read_bytes(path: str, limit: int | None = None) -> bytes:
    """The file's bytes; with a limit, a longer input is refused after reading one byte past it."""
    if path == "-":
        return _within(sys.stdin.buffer.read(-1 if limit is None else limit + 1), limit)
    p = Path(path)
    try:
        if limit is not None:
            with p.open("rb") as handle:
                return _within(handle.read(limit + 1), limit)
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _within(data: bytes, limit: int | None) -> bytes:
    if limit is not None and len(data) > limit:
        raise InputError(
            f"the answer is over {limit // 1_000_000} MB, more than the report reads "
            "(a two-minute answer is about 2 KB); use --json for a text this long"
        )
    return data


def _read_text(path: str, limit: int | None = None) -> str:
    data = _read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{'stdin' if path == '-' else path} is not UTF-8 text") from None


def _context_for_line(obj: dict[str, Any], base: Context) -> Context:
    """A batch line may carry its own stage/role/company/terms; the command-line options fill the gaps."""
    terms = obj.get("terms", base.terms)
    if isinstance(terms, str):
        terms = tuple(t for t in terms.split(","))
    if not isinstance(terms, (list, tuple)) or not all(isinstance(t, str) for t in terms):
        raise ValueError('"terms" must be a list of strings')
    for key in ("stage", "role", "company"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ValueError(f'"{key}" must be a string')
    correction = obj.get("expects_acknowledgement", base.expects_acknowledgement)
    if not isinstance(correction, bool):
        raise ValueError('"expects_acknowledgement" must be true or false')
    company = obj.get("company") or base.company
    return Context(stage=obj.get("stage") or base.stage, role=obj.get("role") or base.role,
                   company=company, terms=tuple(terms), expects_acknowledgement=correction,
                   # the short forms of the profile's organisation name only that organisation
                   company_aliases=base.company_aliases if company == base.company else ())


def _batch_line(line: str, number: int, base: Context, kind: str = DEFAULT_KIND) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: invalid JSON: {exc.msg}"}
    except RecursionError:
        return {"id": None, "error": f"line {number}: invalid JSON: nested too deeply"}
    if not isinstance(obj, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object"}
    ident = obj.get("id")
    if "text" not in obj:
        return {"id": ident, "error": f'line {number}: missing "text"'}
    text = obj["text"]
    if not isinstance(text, str):
        return {"id": ident, "error": f'line {number}: "text" must be a string'}
    if not text.strip():
        return {"id": ident, "error": f'line {number}: "text" is empty'}
    try:
        json.dumps(ident, ensure_ascii=False).encode("utf-8")
        text.encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return {"id": None, "error": f"line {number}: invalid Unicode (a lone surrogate)"}
    text = clean_text(text)
    try:
        context = _context_for_line(obj, base)
    except ValueError as exc:
        return {"id": ident, "error": f"line {number}: {exc}"}
    if kind != DEFAULT_KIND:  # a follow-up: the main answer named the goal already
        context = dataclasses.replace(context, follow_up=True)
    return {"id": ident, **judge(kind, analyse(text, context).to_dict(), text)}


def _batch(path: str, base: Context, out: TextIO, kind: str = DEFAULT_KIND) -> int:
    text = _read_text(path)
    write = out.write
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue  # blank lines carry no answer
        try:
            result = json.dumps(_batch_line(line, number, base, kind), ensure_ascii=False)
            result.encode("utf-8")  # a lone surrogate anywhere would stop the output here
        except Exception:  # noqa: BLE001 - one bad line must never stop the lines after it
            result = json.dumps({"id": None, "error": f"line {number}: could not be checked"})
        write(result + "\n")
    out.flush()
    return 0


# -- human-readable report ------------------------------------------------------------------------

def render_report(fb: Feedback, context: Context | None = None, file: TextIO | None = None) -> None:
    """Print the one fix to make first, the answer with its evidence highlighted, the checklist, issues
    and the numbers.

    The answer and every quote from it are rich Text, never markup: '[/]' prints as typed.
    """
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file or sys.stdout, highlight=False, emoji=False)
    if fb.priority is not None:
        first = Text(problem_name(fb.priority.code) + ": ", style="bold")
        first.append(fb.priority.message)
        first.append("\n→ ", style="yellow")
        first.append(fb.priority.suggestion)
        console.print(Panel(first, title=Text("Fix this first"), title_align="left", border_style="yellow"))
    answer = Text(fb.text)
    for code in ELEMENTS:
        for span in fb.elements[code].evidence:
            answer.stylize("green underline", span.start, span.end)
    for issue in fb.issues:
        if issue.code in ("too_short", "too_long"):
            continue
        for span in issue.spans:
            answer.stylize("bold red", span.start, span.end)
    console.print(Panel(answer, title=Text("Your answer"), subtitle=Text("green: elements · red: issues"),
                        title_align="left", subtitle_align="right"))

    checklist = Table(show_header=False, box=None, padding=(0, 1))
    checklist.add_column(width=1)
    checklist.add_column()
    for code in ELEMENTS:
        er = fb.elements[code]
        if er.present:
            checklist.add_row(Text("✓", style="green"), Text(element_name(code, mark_bonus=True)))
        elif er.expected:
            row = Text(element_name(code, mark_bonus=True), style="bold")
            row.append("\n")
            row.append(er.suggestion, style="dim")
            checklist.add_row(Text("✗", style="red"), row)
    console.print(Panel(checklist, title=Text("Checklist"), title_align="left"))

    if fb.issues:
        lines = []
        for issue in fb.issues:
            t = Text(f"{issue_name(issue.code)}: ", style="bold red")
            t.append(issue.message)
            t.append("\n  → ", style="yellow")
            t.append(issue.suggestion)
            lines.append(t)
        console.print(Panel(Group(*lines), title=Text("Issues"), title_align="left"))
    else:
        line = no_issue_line(fb.to_dict())
        console.print(Text(line, style="green" if line == NOTHING_TO_FIX else "yellow"))

    summary = Text()
    summary.append(f"{fb.words} words · about {fb.speaking_seconds:g} s spoken · score ")
    summary.append(str(fb.score), style="bold")
    summary.append(" · quality ")
    summary.append(fb.quality, style={"strong": "bold green", "adequate": "bold yellow"}.get(fb.quality, "bold red"))
    console.print(summary)
    if fb.terms_used or fb.terms_missed:
        terms = Text("Terms used: ")
        terms.append(", ".join(fb.terms_used) or "none", style="green")
        terms.append(" · missed: ")
        terms.append(", ".join(fb.terms_missed) or "none", style="red")
        console.print(terms)
    if fb.top_words:
        console.print(Text("Most repeated: " + ", ".join(f"{w} ×{c}" for w, c in fb.top_words), style="dim"))
