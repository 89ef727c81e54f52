"""Export and import from inside the app: four command-palette entries.

Each asks for a file name (PromptDialog), refuses to overwrite without a yes (ConfirmDialog),
and does the disk work in a thread worker so the app never freezes. The file formats and
validation are `goalcoach.domain.transfer`'s, the same as `goalcoach export` / `goalcoach import`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from textual.app import SystemCommand

from goalcoach.domain import transfer
from goalcoach.screens.dialogs import ConfirmDialog, PromptDialog

EXPORT_WHAT = {"markdown": "prep sheet", "json": "backup"}


def transfer_commands(app: Any) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Export prep sheet (Markdown)",
        "A printable summary: target, values, goals, your answer and checklist, best attempts",
        lambda: start_export(app, "markdown"),
    )
    yield SystemCommand(
        "Export backup (JSON)",
        "Everything in your profile, in one file you can import later or on another machine",
        lambda: start_export(app, "json"),
    )
    yield SystemCommand(
        "Import backup (merge)",
        "Add the attempts and answer versions a backup has and this profile lacks",
        lambda: start_import(app, "merge"),
    )
    yield SystemCommand(
        "Import backup (replace)",
        "Replace your whole profile with a backup (yours is backed up first)",
        lambda: start_import(app, "replace"),
    )


def default_export_path(fmt: str, now: datetime) -> Path:
    stem = "goalcoach-prep-sheet" if fmt == "markdown" else "goalcoach-backup"
    suffix = ".md" if fmt == "markdown" else ".json"
    return Path.home() / f"{stem}-{now:%Y-%m-%d}{suffix}"


def _run(app: Any, work: Callable[[], None], name: str) -> None:
    app.run_worker(work, name=name, group="transfer", thread=True, exit_on_error=False)


def _report(app: Any, message: str, *, error: bool = False) -> None:
    # App.notify is thread-safe, so workers call it directly.
    app.notify(
        message,
        title="Not done" if error else None,
        severity="error" if error else "information",
        timeout=12 if error else 8,
        markup=False,
    )


# -- export ------------------------------------------------------------------------------------
def start_export(app: Any, fmt: str) -> None:
    what = EXPORT_WHAT[fmt]

    def chosen(name: str | None) -> None:
        if not name:
            return
        path = Path(name).expanduser()
        if path.is_dir():
            _report(app, f"{path} is a folder: give a file name.", error=True)
        elif path.exists():
            app.push_screen(
                ConfirmDialog(f"{path} already exists. Overwrite it with the {what}?"),
                lambda yes: export_to(app, fmt, path, force=True) if yes else None,
            )
        else:
            export_to(app, fmt, path, force=False)

    default = default_export_path(fmt, app.now())
    app.push_screen(PromptDialog(f"Save the {what} to which file?", str(default)), chosen)


def export_to(app: Any, fmt: str, path: Path, *, force: bool) -> None:
    from goalcoach.profile import now_iso
    from goalcoach.domain.transfer_files import render, write_new_file

    def work() -> None:
        try:
            write_new_file(path, render(app.profile, fmt, now_iso()), force=force)
        except FileExistsError:
            _report(app, f"{path} appeared meanwhile; nothing was overwritten.", error=True)
        except Exception as error:  # noqa: BLE001 - an export changes nothing; tell the person why it failed
            _report(app, f"Could not write {path}: {error}", error=True)
        else:
            _report(app, f"Wrote the {EXPORT_WHAT[fmt]} to {path}.")

    _run(app, work, f"export-{fmt}")


# -- import ------------------------------------------------------------------------------------
def start_import(app: Any, mode: str) -> None:
    def chosen(name: str | None) -> None:
        if name:
            import_from(app, Path(name).expanduser(), mode)

    default = str(default_export_path("json", app.now()))
    app.push_screen(PromptDialog("Import which backup file (made by Export backup)?", default), chosen)


def _refresh_screen(app: Any) -> None:
    """Screens that show profile data they loaded once (the progress screen) reload it."""
    reload = getattr(app.screen, "load_history", None)
    if callable(reload):
        reload()


def import_from(app: Any, path: Path, mode: str) -> None:
    from goalcoach.domain.transfer_files import read_export

    def work() -> None:
        try:
            snapshot = read_export(path)
        except transfer.TransferError as error:
            _report(app, f"{path}: {error}. Nothing was changed.", error=True)
            return
        if mode == "merge":
            result: list[tuple[int, int]] = []
            if app.save_now(lambda: result.append(transfer.merge_into(app.profile, snapshot))):
                attempts, versions = result[0]
                _report(app, f"Merged {path}: added {attempts} attempt(s) and {versions} answer version(s).")
                app.call_from_thread(_refresh_screen, app)
            return
        app.call_from_thread(confirm_replace, app, path, snapshot)

    _run(app, work, f"import-{mode}")


def confirm_replace(app: Any, path: Path, snapshot: dict[str, Any]) -> None:
    question = (
        f"Replace your whole profile with {path}? "
        f"It has {len(snapshot['attempts'])} attempt(s) and {len(snapshot['versions'])} answer version(s). "
        "Your current profile is backed up first."
    )
    app.push_screen(ConfirmDialog(question), lambda yes: replace_with(app, path, snapshot) if yes else None)


def replace_with(app: Any, path: Path, snapshot: dict[str, Any]) -> None:
    def work() -> None:
        backups: list[Path] = []
        if not app.save_now(lambda: backups.append(app.profile.backup())):
            return  # not backed up, so nothing is replaced; app.save has said why
        if app.save_now(lambda: app.profile.replace_all(snapshot)):
            _report(app, f"Imported {path}. Your previous profile is saved in {backups[0]}.")
            app.call_from_thread(_refresh_screen, app)

    _run(app, work, "import-replace-write")
