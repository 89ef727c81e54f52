"""`goalcoach check --question KIND`: the option, and the report for an answer judged as a
reply to that kind of question (see coach/question_kinds.py).

Never imports textual; rich only for the report. The answer is rich Text, never markup.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from goalcoach.coach.rubric import NOTHING_TO_FIX, element_name, issue_name, no_issue_line
from goalcoach.coach.question_kinds import DEFAULT_KIND, KINDS, get_kind, kind_ids


def add_question_option(parser: argparse.ArgumentParser) -> None:
    kinds = "; ".join(f"{k.id} ('{k.example}')" for k in KINDS)
    parser.add_argument(
        "--question", choices=kind_ids(), default=DEFAULT_KIND, metavar="KIND",
        help=f"judge the answer as a reply to this kind of question (default {DEFAULT_KIND}, the "
             f"coach's own judgement). Kinds: {kinds}",
    )


def render_question_report(judged: dict[str, Any], text: str, file: TextIO | None = None) -> None:
    """The answer, the kind's checklist, its issues and its score and quality."""
    from rich.console import Console
    from rich.text import Text

    kind = get_kind((judged.get("question") or {}).get("kind"))
    console = Console(file=file or sys.stdout, highlight=False, emoji=False)
    console.print(Text.assemble(("Question: ", "bold"), kind.name, " — ", (kind.example, "italic")))
    console.print(Text(text))
    console.print(Text("Checklist for this question", style="bold"))
    bonus = set(judged.get("bonus") or ())
    for code, entry in (judged.get("elements") or {}).items():
        present = bool(entry.get("present"))
        mark = ("✓", "green") if present else (("·", "dim") if code in bonus else ("✗", "red"))
        line = Text.assemble((f" {mark[0]} ", mark[1]), element_name(code))
        if code in bonus:
            line.append(" (bonus)", style="dim")
        console.print(line)
    issues = judged.get("issues") or []
    if issues:
        for issue in issues:
            line = Text.assemble((f"{issue_name(str(issue.get('code')))}: ", "bold red"), str(issue.get("message") or ""))
            console.print(line)
    else:
        line = no_issue_line(judged)
        if line == NOTHING_TO_FIX:
            console.print(Text("No issues found for this question.", style="green"))
        else:
            console.print(Text(line, style="yellow"))
    quality = str(judged.get("quality"))
    summary = Text(f"{judged.get('words', 0)} words · limits {kind.min_words}–{kind.max_words} · score ")
    summary.append(str(judged.get("score")), style="bold")
    summary.append(" · quality ")
    summary.append(quality, style={"strong": "bold green", "adequate": "bold yellow"}.get(quality, "bold red"))
    console.print(summary)
