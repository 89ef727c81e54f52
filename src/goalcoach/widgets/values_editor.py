"""The Values tab: pick up to five values, rank them, mark each non-negotiable or flexible,
and note a moment at work that honoured it. Posts `ValuesEditor.Changed`; the screen saves."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from goalcoach.content import Prompt
from goalcoach.domain import assessment as model
from goalcoach.widgets.prose import ProseField


def value_label(rank: int, item: dict[str, Any]) -> Text:
    """'1. Integrity   ● non-negotiable  ✎' as plain Text (the name is user text)."""
    firm = bool(item.get("non_negotiable"))
    return Text.assemble(
        (f"{rank}. ", "bold"),
        str(item.get("name", "")),
        ("  ● non-negotiable" if firm else "  ○ flexible", "bold" if firm else "dim"),
        ("  ✎" if str(item.get("moment", "")).strip() else "", "dim"),
    )


MOVE = Binding.Group("Move")


NO_VALUE_PLACEHOLDER = "Select a value above first"
MOMENT_PLACEHOLDER = "What happened, in a sentence or two (enter when done)"


class RankedValues(OptionList):
    """The chosen values, best first; letter keys act on the highlighted one."""

    BINDINGS = [
        Binding("u,ctrl+up", "move(-1)", "Up", id="values.up", group=MOVE),
        Binding("d,ctrl+down", "move(1)", "Down", id="values.down", group=MOVE),
        Binding("n", "toggle", "Non-neg.", tooltip="Non-negotiable or flexible", id="values.toggle"),
        Binding("m", "moment", "Moment", show=False, id="values.moment"),
        Binding("x,delete", "remove", "Remove", id="values.remove"),
    ]
    # What a narrow footer leaves out first (see widgets.footer.KeyFooter); the help lists them.
    FOOTER_SECONDARY = ("move(-1)", "move(1)", "toggle")

    def action_move(self, delta: int) -> None:
        self.post_message(ValuesEditor.Command(self, "move", delta))

    def action_toggle(self) -> None:
        self.post_message(ValuesEditor.Command(self, "toggle"))

    def action_moment(self) -> None:
        self.post_message(ValuesEditor.Command(self, "moment"))

    def action_remove(self) -> None:
        self.post_message(ValuesEditor.Command(self, "remove"))


class ValuesEditor(Vertical):
    """Posts `AddOwnRequested` for `o`: the screen asks for the name and calls `add`."""

    DEFAULT_CSS = """
    ValuesEditor { height: auto; }
    ValuesEditor > .field { height: auto; }
    """
    BINDINGS = [Binding("o", "add_own", "Add own", id="values.add_own")]

    class AddOwnRequested(Message):
        pass

    class Changed(Message):
        def __init__(self, items: list[dict[str, Any]]) -> None:
            super().__init__()
            self.items = items

    class Command(Message):
        def __init__(self, sender: OptionList, name: str, delta: int = 0) -> None:
            super().__init__()
            self.sender_list = sender
            self.command = name
            self.delta = delta

    def __init__(self, items: list[dict[str, Any]], suggestions: tuple[str, ...], moment_prompt: Prompt) -> None:
        super().__init__(id="values-editor")
        self.items = [dict(i) for i in items][: model.MAX_VALUES]
        self.suggestions = suggestions
        self.moment_prompt = moment_prompt

    def compose(self) -> ComposeResult:
        with Horizontal(id="values-lists"):
            with Vertical(id="values-ranked-box"):
                yield Label("Your top five, best first", classes="field-label", markup=False)
                yield RankedValues(id="values-ranked")
            with Vertical(id="values-suggestions-box"):
                yield Label("Suggestions (enter adds)", classes="field-label", markup=False)
                yield OptionList(id="values-suggestions")
        with Vertical(classes="field"):
            yield Label(self.moment_prompt.label, classes="field-label", markup=False)
            yield Static(self.moment_prompt.hint, classes="hint", markup=False)
            yield Static("", id="values-moment-for", markup=False)
            yield ProseField(id="values-moment", placeholder=NO_VALUE_PLACEHOLDER, one_paragraph=True)

    def on_mount(self) -> None:
        self._refresh(0)

    # -- showing ----------------------------------------------------------------------------
    def _refresh(self, highlight: int | None) -> None:
        ranked = self.query_one("#values-ranked", RankedValues)
        ranked.clear_options()
        ranked.add_options([Option(value_label(n, i)) for n, i in enumerate(self.items, 1)])
        if self.items:
            ranked.highlighted = min(max(highlight or 0, 0), len(self.items) - 1)
        chosen = {str(i.get("name", "")).casefold() for i in self.items}
        suggestions = self.query_one("#values-suggestions", OptionList)
        keep = suggestions.highlighted
        suggestions.clear_options()
        suggestions.add_options([Option(Text(s), id=s) for s in self.suggestions if s.casefold() not in chosen])
        if suggestions.option_count:
            suggestions.highlighted = min(keep or 0, suggestions.option_count - 1)
        self._show_moment()

    def _current(self) -> int | None:
        index = self.query_one("#values-ranked", RankedValues).highlighted
        return index if index is not None and 0 <= index < len(self.items) else None

    def _show_moment(self) -> None:
        index = self._current()
        moment = self.query_one("#values-moment", ProseField)
        label = self.query_one("#values-moment-for", Static)
        moment.set_text_quietly(str(self.items[index].get("moment", "")) if index is not None else "")
        moment.disabled = index is None
        moment.placeholder = NO_VALUE_PLACEHOLDER if index is None else MOMENT_PLACEHOLDER
        label.update(Text.assemble(("For: ", "bold"), str(self.items[index]["name"])) if index is not None else "")

    def _changed(self, highlight: int | None) -> None:
        self._refresh(highlight)
        self.post_message(self.Changed([dict(i) for i in self.items]))

    # -- editing ----------------------------------------------------------------------------
    def add(self, name: str) -> None:
        if len(self.items) >= model.MAX_VALUES:
            self.notify("You have five values: remove one (x) before adding another.", severity="warning", markup=False)
            return
        before = len(self.items)
        self.items = model.add_value(self.items, name)
        if len(self.items) == before:
            self.notify("That value is already in your list.", markup=False)
            return
        self._changed(len(self.items) - 1)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "values-ranked":
            self._show_moment()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "values-suggestions" and event.option.id:
            self.add(event.option.id)
        elif event.option_list.id == "values-ranked":
            self.query_one("#values-moment", ProseField).focus()

    def on_values_editor_command(self, event: "ValuesEditor.Command") -> None:
        event.stop()
        index = self._current()
        if index is None:
            return
        if event.command == "move":
            self.items, index = model.move_value(self.items, index, event.delta)
        elif event.command == "toggle":
            self.items = model.toggle_non_negotiable(self.items, index)
        elif event.command == "remove":
            self.items = model.remove_value(self.items, index)
        elif event.command == "moment":
            self.query_one("#values-moment", ProseField).focus()
            return
        self._changed(index)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "values-moment":
            return
        event.stop()
        self.take_moment(event.text_area.text)

    def take_moment(self, text: str) -> None:
        """Record the moment typed for the highlighted value."""
        index = self._current()
        if index is None or self.items[index].get("moment", "") == text:
            return
        self.items[index]["moment"] = text
        ranked = self.query_one("#values-ranked", RankedValues)
        ranked.replace_option_prompt_at_index(index, value_label(index + 1, self.items[index]))
        self.post_message(self.Changed([dict(i) for i in self.items]))

    def on_prose_field_submitted(self, event: ProseField.Submitted) -> None:
        if event.field.id == "values-moment":
            event.stop()
            self.query_one("#values-ranked", RankedValues).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_own" and isinstance(self.screen.focused, TextArea):
            return False  # 'o' types into the moment field there
        return True

    def action_add_own(self) -> None:
        self.post_message(self.AddOwnRequested())
