"""Help for the current screen: its guide from content/guide/, shown as Markdown, with each
{key:<binding id>} in it naming the key really bound (the person's keymap.toml first)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import MarkdownViewer, Static

from goalcoach.content import ContentError, load_guide
from goalcoach.screens.base import MinimumSize
from goalcoach.screens.keys import fill_key_placeholders, screen_key
from goalcoach.screens.sections import SECTIONS, section_key, section_keys_display
from goalcoach.widgets.footer import KeyFooter


SCROLL = Binding.Group("Scroll")
PAGE = Binding.Group("Page")


class GuideViewer(MarkdownViewer):
    """The guide, with its scrolling keys shown in the footer (a scroll view's own are hidden)."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", id="help.scroll_up", group=SCROLL),
        Binding("down", "scroll_down", "Scroll down", id="help.scroll_down", group=SCROLL),
        Binding("pageup", "page_up", "Page up", id="help.page_up", group=PAGE),
        Binding("pagedown", "page_down", "Page down", id="help.page_down", group=PAGE),
        Binding("home", "scroll_home", "Top", id="help.top"),
        Binding("end", "scroll_end", "End", id="help.end"),
    ]


class HelpScreen(MinimumSize, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("q", "close", "Close", show=False, id="help.close_q"),
        # The key that opened help closes it again, as help toggles in most terminal apps.
        Binding("f1", "close", "Close", show=False, id="help.close_f1"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: round $primary;
        background: $surface;
    }
    HelpScreen #help-title { padding: 0 1; background: $primary; color: $text; text-style: bold; }
    HelpScreen MarkdownViewer { height: 1fr; }
    """

    def __init__(self, guide: str, title: str = "Help") -> None:
        super().__init__()
        self.guide = guide
        self.title_text = title

    def compose(self) -> ComposeResult:
        try:
            text = fill_key_placeholders(self.app, load_guide(self.guide), {"home.sections": self._section_keys()})
        except ContentError as error:
            text = f"No help is available here ({error})."
        with Vertical():
            yield Static(
                f"{self.title_text} — {screen_key(self, 'help.close')} closes · {screen_key(self, 'app.help')} "
                f"opens help anywhere, {screen_key(self, 'app.help_key')} outside text fields",
                id="help-title",
                markup=False,
            )
            yield GuideViewer(text, show_table_of_contents=False, open_links=False)
        yield KeyFooter()

    def _section_keys(self) -> str:
        """Home's section keys as its help names them: `1`–`5`, or each key when some are rebound."""
        shown = section_keys_display(self.app)
        keys = [section_key(self.app, s) for s in SECTIONS]
        if "/" not in shown:
            return f"`{keys[0]}`–`{keys[-1]}`"
        return "/".join(f"`{key}`" for key in keys)

    def on_mount(self) -> None:
        self.query_one(MarkdownViewer).focus()

    def action_close(self) -> None:
        self.dismiss(None)
