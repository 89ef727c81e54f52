"""Paste a job advert, then confirm what was found: each proposed part of the target is listed
with the sentence it came from, to keep (ticked), edit (its field) or drop (unticked).

Dismisses with the kept parts (an advert.Choice) or None; nothing is saved here. The advert is
read in a worker so a long paste never freezes the keyboard.
"""

from __future__ import annotations

from functools import partial

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, ContentSwitcher, Input, Static, TextArea

from goalcoach.coach.feedback import STAGES
from goalcoach.domain import advert
from goalcoach.domain.advert import AdvertError, Choice, Item, Proposal
from goalcoach.profile.journal import draft_target
from goalcoach.profile.validation import MAX_TEXT
from goalcoach.screens.keys import screen_key
from goalcoach.widgets.footer import KeyFooter
from goalcoach.widgets.line_input import LineInput

DRAFT_KEY = "advert"


class AdvertDialog(ModalScreen["Choice | None"]):
    DEFAULT_CSS = """
    AdvertDialog { align: center middle; background: $background 60%; }
    AdvertDialog > #advert-box {
        width: 100%; max-width: 100; height: 1fr; border: thick $primary; background: $panel; padding: 0 1;
    }
    AdvertDialog #advert-steps, AdvertDialog #advert-paste, AdvertDialog #advert-confirm { height: 1fr; }
    AdvertDialog .advert-heading { text-style: bold; color: $primary; }
    AdvertDialog .hint, AdvertDialog .advert-source { color: $text-muted; }
    AdvertDialog #advert-text { height: 1fr; }
    AdvertDialog #advert-error { color: $error; height: auto; }
    AdvertDialog .advert-row { height: auto; }
    AdvertDialog .advert-row Checkbox { width: 18; }
    AdvertDialog .advert-row Input { width: 1fr; }
    AdvertDialog .advert-source { margin: 0 0 1 4; }
    AdvertDialog .advert-row.-dropped Input { text-style: strike; }
    """
    BINDINGS = [
        Binding("ctrl+s", "next", "Read / Save", id="advert.next"),
        Binding("escape", "back", "Back", id="advert.back"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.initial_text = text
        self.proposal: Proposal | None = None
        self.items: list[tuple[str, Item]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="advert-box"):
            with ContentSwitcher(initial="advert-paste", id="advert-steps"):
                with Vertical(id="advert-paste"):
                    yield Static("Paste the job advert", classes="advert-heading", markup=False)
                    yield Static(f"Paste it whole (any length). {screen_key(self, 'advert.next')} reads it; nothing "
                                 "is saved until you confirm what was found.", classes="hint", markup=False)
                    yield TextArea(self.initial_text, id="advert-text", soft_wrap=True, tab_behavior="focus")
                    yield Static("", id="advert-error", markup=False)
                yield VerticalScroll(id="advert-confirm")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#advert-text", TextArea).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Written ahead like every editor's text, so a dropped connection keeps the paste.
        if event.text_area.id == "advert-text" and len(event.text_area.text) <= MAX_TEXT:
            self.app.journal.note_draft(DRAFT_KEY, event.text_area.text, event.text_area.cursor_location)

    # -- reading ------------------------------------------------------------------------------
    def action_next(self) -> None:
        if self.query_one("#advert-steps", ContentSwitcher).current == "advert-paste":
            text = self.query_one("#advert-text", TextArea).text
            if len(text) <= MAX_TEXT:  # a long paste is never lost (a stored text's limit)
                self.app.save(
                    partial(self.app.profile.save_draft, DRAFT_KEY, text),
                    lane=f"draft:{DRAFT_KEY}",
                    then=lambda _: self.app.journal.settle(draft_target(DRAFT_KEY)),
                )
            self.query_one("#advert-error", Static).update("Reading the advert…")
            self.read(text)
        else:
            self.dismiss(self.choice())

    @work(thread=True, exclusive=True, exit_on_error=False)
    def read(self, text: str) -> None:
        try:
            proposal = advert.propose(text)
        except AdvertError as error:
            self.app.call_from_thread(self.show_error, f"{str(error)[:1].upper()}{str(error)[1:]}.")
            return
        self.app.call_from_thread(self.show_proposal, proposal)

    def show_error(self, message: str) -> None:
        self.query_one("#advert-error", Static).update(message)

    async def show_proposal(self, proposal: Proposal) -> None:
        self.proposal = proposal
        self.query_one("#advert-error", Static).update("")
        self.items = [(kind, item) for kind, item in (
            ("Organisation", proposal.organisation), ("Job title", proposal.title),
            ("Stage", proposal.stage), ("Mission", proposal.mission)) if item is not None]
        self.items += [("Value", v) for v in proposal.values] + [("Skill or duty", t) for t in proposal.terms]
        box = self.query_one("#advert-confirm", VerticalScroll)
        await box.remove_children()  # the old rows' ids are free again before the new ones mount
        widgets = [
            Static("Keep what fits", classes="advert-heading", markup=False),
            Static(f"space: keep or drop (ticked = kept) · tab: to the text to edit it · {screen_key(self, 'advert.next')}: "
                   f"save the ticked parts · {screen_key(self, 'advert.back')}: back to the advert", classes="hint", markup=False),
        ]
        for index, (kind, item) in enumerate(self.items):
            widgets.append(Horizontal(
                Checkbox(kind, True, id=f"keep-{index}", compact=True),
                LineInput(item.text, id=f"text-{index}", compact=True, select_on_focus=False, disabled=kind == "Stage"),
                classes="advert-row",
            ))
            if item.sentence.rstrip(".") != item.text:
                widgets.append(Static(f"from: “{item.sentence}”", classes="advert-source", markup=False))
        await box.mount_all(widgets)
        self.query_one("#advert-steps", ContentSwitcher).current = "advert-confirm"
        # Focus once the rows are on screen (a loaded machine may paint them a frame later).
        self.call_after_refresh(self._focus_first_row)

    def _focus_first_row(self) -> None:
        for first in self.query("#keep-0"):  # none if the dialog moved on meanwhile
            first.focus()

    # -- confirming ---------------------------------------------------------------------------
    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """A dropped part is struck through and greyed, not only its box unticked (low-colour terminals)."""
        row = event.checkbox.parent
        if row is not None and event.checkbox.id and event.checkbox.id.startswith("keep-"):
            row.set_class(not event.value, "-dropped")
            index = int(event.checkbox.id.removeprefix("keep-"))
            if self.items[index][0] != "Stage":
                self.query_one(f"#text-{index}", Input).disabled = not event.value

    def choice(self) -> Choice:
        chosen = Choice()
        for index, (kind, item) in enumerate(self.items):
            if not self.query_one(f"#keep-{index}", Checkbox).value:
                continue
            text = " ".join(self.query_one(f"#text-{index}", Input).value.split())
            if not text:
                continue
            if kind == "Organisation":
                chosen.organisation = text
            elif kind == "Job title":
                chosen.title = text
            elif kind == "Stage":
                chosen.stage = text if text in STAGES else None
            elif kind == "Mission":
                chosen.mission = text
            elif kind == "Value":
                chosen.values.append(text)
            else:
                chosen.terms.append(Item(text, item.sentence, item.start, item.end))
        return chosen

    def action_back(self) -> None:
        switcher = self.query_one("#advert-steps", ContentSwitcher)
        if switcher.current == "advert-confirm":
            switcher.current = "advert-paste"
            self.query_one("#advert-text", TextArea).focus()
        else:
            self.dismiss(None)
