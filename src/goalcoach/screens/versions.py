"""Saved answer versions: list, open, compare two, mark one current.

VersionsScreen dismisses with the id of the version to open (or None); the builder decides
whether that may replace the editor's text. DiffScreen shows what changed between two.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from goalcoach.domain.assessment import diff_summary, diff_words
from goalcoach.domain.coaching import word_count
from goalcoach.screens.keys import screen_key
from goalcoach.widgets.footer import KeyFooter

# Theme variables, so every theme (light ones too) shows the diff in its own colours.
INSERT_STYLE = "bold underline $text-success"
DELETE_STYLE = "strike $text-error"

CSS = """
VersionsScreen, DiffScreen { align: center middle; background: $background 60%; }
VersionsScreen #versions-box, DiffScreen #diff-box {
    width: 90%; max-width: 100; height: 80%; border: thick $primary; background: $panel; padding: 0 1;
}
VersionsScreen #versions-title, DiffScreen #diff-title { text-style: bold; height: auto; }
VersionsScreen #versions-list { height: 1fr; }
VersionsScreen #versions-keys, DiffScreen #diff-legend { color: $text-muted; height: auto; }
DiffScreen #diff-scroll { height: 1fr; }
"""


def when(created: str) -> str:
    """'2026-11-02T09:00:00+00:00' -> '2026-11-02 09:00' (UTC, as stored)."""
    return created[:16].replace("T", " ") if created else ""


def version_label(version: dict[str, Any], *, current: bool, marked: bool) -> Text:
    score = version.get("score")
    return Text.assemble(
        ("★ " if current else "  ", "bold"),
        ("[x] " if marked else "[ ] ", "bold" if marked else "dim"),
        (str(version.get("name", "")), "bold"),
        (f"  {when(str(version.get('created', '')))}", "dim"),
        (f"  score {score}" if score is not None else "", "dim"),
        (f"  {word_count(str(version.get('text', '')))} words", "dim"),
    )


def diff_text(old: str, new: str) -> tuple[Content, str]:
    """The new text with deletions struck through and insertions underlined; plus a summary."""
    pieces = diff_words(old, new)
    parts: list[tuple[str, str]] = []
    previous = ""
    for op, piece in pieces:
        if previous == "delete" and op == "insert" and parts and not parts[-1][0][-1:].isspace() and not piece[:1].isspace():
            parts.append((" ", ""))  # keep a replaced word apart from its replacement when styles are not shown
        parts.append((piece, INSERT_STYLE if op == "insert" else DELETE_STYLE if op == "delete" else ""))
        previous = op
    return Content.assemble(*parts), diff_summary(pieces)


class DiffScreen(ModalScreen[None]):
    DEFAULT_CSS = CSS
    BINDINGS = [Binding("escape,q", "close", "Close", id="diff.close")]

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        super().__init__()
        self.old, self.new = old, new

    def compose(self) -> ComposeResult:
        body, summary = diff_text(str(self.old.get("text", "")), str(self.new.get("text", "")))
        with Vertical(id="diff-box"):
            yield Static(
                Text.assemble("From ", (str(self.old.get("name", "")), "bold"), " to ", (str(self.new.get("name", "")), "bold"), f":  {summary}"),
                id="diff-title",
                markup=False,
            )
            yield Static(Content.assemble(("inserted", INSERT_STYLE), "  ", ("deleted", DELETE_STYLE)), id="diff-legend", markup=False)
            with VerticalScroll(id="diff-scroll"):
                yield Static(body, id="diff-body", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#diff-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class VersionsScreen(ModalScreen["str | None"]):
    """Pick a version to open; space marks versions to compare (d), c marks the current one."""

    DEFAULT_CSS = CSS

    BINDINGS = [
        Binding("escape", "close", "Close", id="versions.close"),
        Binding("o", "open", "Open", id="versions.open"),
        Binding("space", "mark", "Mark to compare", id="versions.mark"),
        Binding("d", "diff", "Diff", id="versions.diff"),
        Binding("c", "make_current", "Make current", id="versions.current"),
    ]

    def __init__(self, editor_text: str = "") -> None:
        super().__init__()
        self.editor_text = editor_text
        self.marked: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="versions-box"):
            yield Static("Answer versions (oldest first; ★ is current)", id="versions-title", markup=False)
            yield OptionList(id="versions-list")
            yield Static(
                f"enter/{screen_key(self, 'versions.open')} open · {screen_key(self, 'versions.mark')} mark two, "
                f"{screen_key(self, 'versions.diff')} compare (or {screen_key(self, 'versions.diff')} alone: with the "
                f"one before) · {screen_key(self, 'versions.current')} make current",
                id="versions-keys",
                markup=False,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self._refresh()
        versions = self.query_one("#versions-list", OptionList)
        versions.highlighted = max(versions.option_count - 1, 0)
        versions.focus()

    def _versions(self) -> list[dict[str, Any]]:
        return self.app.profile.versions()

    def _refresh(self) -> None:
        current = self.app.profile.setting("current_version")
        versions = self.query_one("#versions-list", OptionList)
        keep = versions.highlighted
        versions.clear_options()
        versions.add_options(
            Option(version_label(v, current=v["id"] == current, marked=v["id"] in self.marked), id=v["id"])
            for v in self._versions()
        )
        if keep is not None and versions.option_count:
            versions.highlighted = min(keep, versions.option_count - 1)

    def _highlighted(self) -> str | None:
        versions = self.query_one("#versions-list", OptionList)
        if versions.highlighted is None:
            return None
        return versions.get_option_at_index(versions.highlighted).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_open(self) -> None:
        version_id = self._highlighted()
        if version_id:
            self.dismiss(version_id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_mark(self) -> None:
        version_id = self._highlighted()
        if not version_id:
            return
        if version_id in self.marked:
            self.marked.remove(version_id)
        else:
            self.marked = (self.marked + [version_id])[-2:]  # compare two at a time
        self._refresh()

    def action_make_current(self) -> None:
        version_id = self._highlighted()
        if version_id:
            self.app.save(partial(self.app.profile.set_current_version, version_id), lane="settings", then=self._made_current)

    def _made_current(self, _result: object) -> None:
        if self.is_attached:
            self._refresh()
        self.notify("Marked as the current answer.", markup=False)

    def action_diff(self) -> None:
        versions = self._versions()
        by_id = {v["id"]: v for v in versions}
        if len(self.marked) == 2:
            pair = sorted((by_id[i] for i in self.marked if i in by_id), key=versions.index)
        else:
            index = next((n for n, v in enumerate(versions) if v["id"] == self._highlighted()), 0)
            pair = versions[index - 1 : index + 1] if index > 0 else []
        if len(pair) != 2:
            self.notify("Mark two versions with space, or highlight one that has an earlier version.", markup=False)
            return
        self.app.push_screen(DiffScreen(pair[0], pair[1]))
