"""`goalcoach target --from-advert FILE|-`: propose a target from a job advert, print it (or
--json), and with --apply save the parts the person confirms.

Never imports textual. Output is plain text: the advert's words print literally (no markup, no
terminal control). Exit codes: 0 done, 2 refused (bad file, bad option, nothing confirmed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import Callable

from goalcoach.cli.profile_options import add_data_dir_argument, fail, open_profile
from goalcoach.domain import advert
from goalcoach.domain.advert import AdvertError, Choice, Item, Proposal

Ask = Callable[[str], str]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goalcoach target",
        description="Read a job advert and propose your target: the organisation, the job title, the "
        "stage when the advert states it, the organisation's values and mission, and the key skills "
        "and duties an answer should connect to. Nothing is saved without --apply.",
    )
    parser.add_argument("--from-advert", metavar="FILE", required=True,
                        help="the advert as a text or HTML file, or - to read it from standard input")
    parser.add_argument("--json", action="store_true", help="print the proposal as JSON")
    parser.add_argument("--apply", action="store_true",
                        help="save the proposal to your target, asking about each part first")
    parser.add_argument("--yes", action="store_true", help="with --apply: keep every part without asking")
    add_data_dir_argument(parser)
    return parser


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read(advert.MAX_BYTES + 1)
    path = Path(name).expanduser()
    if path.is_dir():
        raise AdvertError("that is a folder, not a file")
    if path.stat().st_size > advert.MAX_BYTES:
        raise AdvertError(f"the file is {path.stat().st_size // 1_000_000 or 1} MB; paste only the advert (under 1 MB)")
    return path.read_bytes()


def main(args: list[str], *, ask: Ask | None = None) -> int:
    try:
        return run(args, ask)
    except BrokenPipeError:  # e.g. piped into `head`: the reader has gone, which is no error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0


def run(args: list[str], ask: Ask | None) -> int:
    try:
        options = build_parser().parse_args(args)
    except SystemExit as exit_:  # --help, or a usage error argparse already explained
        return exit_.code if isinstance(exit_.code, int) else 2
    if options.yes and not options.apply:
        return fail("--yes only goes with --apply")
    try:
        proposal = advert.propose(advert.decode(read_input(options.from_advert)))
    except AdvertError as error:
        return fail(f"{options.from_advert}: {error}; nothing was changed")
    except OSError as error:
        return fail(f"could not read {options.from_advert}: {error.strerror or error}; nothing was changed")
    if options.json:
        print(json.dumps(proposal.to_dict(), ensure_ascii=False, indent=2))
    if not options.apply:
        if not options.json:
            print(render(proposal))
            print("\nTo save it to your target: goalcoach target --from-advert FILE --apply (you confirm each part).")
        return 0
    if not options.yes and ask is None:
        if options.from_advert == "-" or not sys.stdin.isatty():
            return fail("--apply asks before saving each part: run it in a terminal with a file, or add --yes; "
                        "nothing was changed")
        ask = ask_on_terminal
    choice = keep_all(proposal) if options.yes else confirm_each(proposal, ask)
    if choice.is_empty():
        print("Nothing was kept, so nothing was saved.")
        return 2
    return save(options.data_dir, choice)


def save(data_dir: str | None, choice: Choice) -> int:
    profile = open_profile(data_dir)
    if isinstance(profile, int):
        return profile
    from goalcoach.profile import ProfileError

    try:
        changes = advert.target_changes(profile.section("target"), choice)
        profile.update_section("target", **changes)
    except ProfileError as error:
        return fail(str(error))
    saved = [name for key, name in (("role", "job title"), ("organisation", "organisation"), ("stage", "stage"),
                                    ("mission", "mission"), ("values", "values"), ("duties", "key skills and duties"))
             if key in changes]
    print(f"Saved to your target: {', '.join(saved)}. The coach now checks answers against it.")
    return 0


# -- reading the proposal ----------------------------------------------------------------------
def _quote(sentence: str, width: int = 76) -> str:
    short = sentence if len(sentence) <= 160 else sentence[:157].rstrip() + "..."
    return textwrap.fill(f'"{short}"', width, initial_indent="      ", subsequent_indent="       ")


def render(proposal: Proposal) -> str:
    lines = ["Proposed target from the advert", ""]
    for label, item in (("Organisation", proposal.organisation), ("Job title", proposal.title),
                        ("Stage", proposal.stage), ("Mission", proposal.mission)):
        lines.append(textwrap.fill(f"{label + ':':<14}{item.text if item else '(not found)'}", 78,
                                   subsequent_indent=" " * 14))
        if item and item.sentence.rstrip(".") != item.text:
            lines.append(_quote(item.sentence))
    lines.append(textwrap.fill(f"{'Values:':<14}{', '.join(v.text for v in proposal.values) or '(not found)'}", 78,
                               subsequent_indent=" " * 14))
    lines.append("")
    lines.append(f"Key skills and duties ({len(proposal.terms)}):")
    for number, term in enumerate(proposal.terms, 1):
        lines.append(f"  {number:>2}. {term.text}")
        lines.append(_quote(term.sentence))
    return "\n".join(lines)


# -- confirming ----------------------------------------------------------------------------------
def ask_on_terminal(question: str) -> str:
    try:
        return input(question)
    except EOFError:
        return ""


def keep_all(proposal: Proposal) -> Choice:
    def text(item: Item | None) -> str | None:
        return item.text if item else None

    return Choice(text(proposal.organisation), text(proposal.title), text(proposal.stage), text(proposal.mission),
                  [v.text for v in proposal.values], list(proposal.terms))


def _confirm(ask: Ask, label: str, item: Item) -> str | None:
    """Keep (y), drop (n, the default) or edit (e) one proposed part; returns the text kept."""
    print(f"\n{label}: {item.text}")
    if item.sentence.rstrip(".") != item.text:
        print(_quote(item.sentence))
    while True:
        answer = ask("Keep it? [y]es, [n]o, [e]dit: ").strip().lower()
        if answer in ("y", "yes"):
            return item.text
        if answer in ("", "n", "no"):
            return None
        if answer in ("e", "edit"):
            edited = " ".join(ask("New text (empty to drop it): ").split())
            return edited or None


def confirm_each(proposal: Proposal, ask: Ask) -> Choice:
    from goalcoach.coach.feedback import STAGES

    choice = Choice()
    if proposal.organisation:
        choice.organisation = _confirm(ask, "Organisation", proposal.organisation)
    if proposal.title:
        choice.title = _confirm(ask, "Job title", proposal.title)
    if proposal.stage:
        stage = _confirm(ask, f"Stage ({', '.join(STAGES)})", proposal.stage)
        if stage and stage.lower() not in STAGES:
            print(f"'{stage}' is not one of {', '.join(STAGES)}: the stage is left as it was.")
        choice.stage = stage.lower() if stage and stage.lower() in STAGES else None
    if proposal.mission:
        choice.mission = _confirm(ask, "Mission", proposal.mission)
    for value in proposal.values:
        kept = _confirm(ask, "Value", value)
        if kept:
            choice.values.append(kept)
    for term in proposal.terms:
        kept = _confirm(ask, "Key skill or duty", term)
        if kept:
            choice.terms.append(Item(kept, term.sentence, term.start, term.end))
    return choice


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
