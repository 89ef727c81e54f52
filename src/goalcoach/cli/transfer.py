"""`goalcoach export` and `goalcoach import`: the command-line layer over `goalcoach.domain.transfer`.

Never imports textual. Exit codes: 0 done, 2 refused (bad file, bad option, not confirmed),
with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from goalcoach.domain import transfer
from goalcoach.domain.transfer_files import read_export, render, write_new_file
from goalcoach.cli.profile_options import add_data_dir_argument, clean_line, fail, open_profile


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="goalcoach", description="Export or import your goalcoach profile.")
    commands = parser.add_subparsers(dest="command", required=True)

    export = commands.add_parser(
        "export",
        help="write a prep sheet (markdown) or a full backup (json)",
        description="Write a printable prep sheet (--format markdown, the default) or a full, "
        "versioned backup of your profile (--format json). Without -o it goes to standard output.",
    )
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (refuses to overwrite without --force)")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_data_dir_argument(export)

    imp = commands.add_parser(
        "import",
        help="bring a json backup back",
        description="Import a backup made with 'goalcoach export --format json'. The file is checked "
        "first; nothing changes if it is damaged or from a newer goalcoach.",
    )
    imp.add_argument("file", metavar="FILE")
    mode = imp.add_mutually_exclusive_group()
    mode.add_argument("--merge", action="store_true", help="add the file's attempts and answer versions you lack")
    mode.add_argument(
        "--replace", action="store_true", help="replace your whole profile with the file (a backup is made first)"
    )
    imp.add_argument("--yes", action="store_true", help="do not ask before --replace")
    add_data_dir_argument(imp)
    return parser


def main(args: list[str]) -> int:
    try:
        options = build_parser().parse_args(args)
    except SystemExit as exit_:  # --help, or a usage error argparse already explained
        return exit_.code if isinstance(exit_.code, int) else 2
    if options.command == "export":
        return export_command(options)
    return import_command(options)


# -- export ----------------------------------------------------------------------------------
def now_iso() -> str:
    from goalcoach.profile import now_iso as profile_now

    return profile_now()


class Interrupted(BaseException):
    """SIGTERM, SIGINT or SIGHUP arrived while a file was being written."""


@contextmanager
def removing_temporaries_on_signals() -> Iterator[None]:
    """Turn a termination signal into an exception, so a half-written temporary copy of the
    private prep sheet is removed on the way out instead of being left behind."""

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {}
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        try:
            previous[signum] = signal.signal(signum, interrupt)
        except (ValueError, OSError):  # not the main thread, or not on this platform
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def write_stdout(text: str) -> int:
    """Print an export; a full disk or a closed pipe behind stdout is one line, not a traceback."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader has what it wanted
        _silence_stdout()
        return 0
    except OSError as error:
        _silence_stdout()
        return fail(f"could not write to standard output: {error.strerror or error}")
    return 0


def _silence_stdout() -> None:
    # Whatever is still buffered would fail again (with a traceback) when Python exits.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def export_command(options: argparse.Namespace) -> int:
    output = Path(options.output).expanduser() if options.output else None
    if output is not None and output.exists() and not options.force:
        return fail(f"{output} exists; use --force to overwrite it")
    profile = open_profile(options.data_dir)
    if isinstance(profile, int):
        return profile
    from goalcoach.profile import ProfileError

    try:
        text = render(profile, options.format, now_iso())
    except ProfileError as error:
        return fail(str(error))
    if output is None:
        return write_stdout(text)
    try:
        with removing_temporaries_on_signals():
            write_new_file(output, text, force=options.force)
    except Interrupted:
        return fail(f"interrupted; {output} was not written")
    except FileExistsError:
        return fail(f"{output} exists; use --force to overwrite it")
    except OSError as error:
        return fail(f"could not write {output}: {error.strerror or error}")
    what = "backup" if options.format == "json" else "prep sheet"
    print(f"Wrote the {what} to {output}.", file=sys.stderr)
    return 0


# -- import ----------------------------------------------------------------------------------


def ask(question: str) -> bool:
    try:
        return input(question).strip().lower() in ("y", "yes")
    except (EOFError, KeyboardInterrupt):  # ctrl+d or ctrl+c at the prompt: a "no"
        print()
        return False


def import_command(options: argparse.Namespace, *, confirm: Callable[[str], bool] = ask) -> int:
    from goalcoach.profile import ProfileError

    path = Path(options.file).expanduser()
    try:
        snapshot = read_export(path)
    except transfer.TransferError as error:
        return fail(f"{clean_line(str(path))}: {error}; nothing was changed")
    profile = open_profile(options.data_dir)
    if isinstance(profile, int):
        return profile
    try:
        if options.merge:
            attempts, versions = transfer.merge_into(profile, snapshot)
            print(f"Merged {path}: added {attempts} attempt(s) and {versions} answer version(s).")
            return 0
        current_empty = transfer.is_empty(profile.snapshot())
        if not options.replace and not current_empty:
            return fail("your profile already has data: choose --merge (add what is new) or --replace (a backup is made first)")
        if not current_empty and not options.yes:
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                return fail("--replace needs confirmation: run it in a terminal, or add --yes; nothing was changed")
            if not confirm(f"Replace your whole profile in {profile.data_dir} with {path}? A backup is made first. [y/N] "):
                print("Nothing was changed.")
                return 2
        backup = profile.backup()
        print(f"Backed up your current profile to {backup}")
        profile.replace_all(snapshot)
    except ProfileError as error:  # includes ProfileWriteError: disk full, read-only, locked
        return fail(str(error))
    print(f"Imported {path}: {len(snapshot['attempts'])} attempt(s), {len(snapshot['versions'])} answer version(s).")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
