"""The self-assessment: target, values, skills, goals and reflection, one tab each.

Every field is saved as it is edited: changes collect in memory and are written a moment after
the last one (and at once when the screen closes, the app quits or the terminal hangs up).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import (
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
    TextArea,
)

from goalcoach.content import Prompt, load_worksheets
from goalcoach.domain import assessment as model
from goalcoach.domain.advert import Choice, target_changes
from goalcoach.screens.advert_dialog import DRAFT_KEY as ADVERT_DRAFT, AdvertDialog
from goalcoach.screens.base import BaseScreen
from goalcoach.screens.dialogs import PromptDialog
from goalcoach.screens.section_autosave import SectionAutosave
from goalcoach.widgets.form import FormScroll, show_with_label
from goalcoach.widgets.goals_editor import GoalEdit, GoalsEditor
from goalcoach.widgets.prose import ProseField
from goalcoach.widgets.values_editor import ValuesEditor
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter
from goalcoach.widgets.line_input import LineInput

SECTIONS = ("target", "values", "skills", "goals", "reflection")
TABS = tuple(f"tab-{s}" for s in SECTIONS)
TAB_TITLES = ("Target", "Values", "Skills", "Goals", "Reflection")
FOCUSABLE = "Input, TextArea, OptionList, RadioSet"


def field(prompt: Prompt, widget: Widget) -> Vertical:
    """A prompt's label and hint above its input."""
    return Vertical(
        Label(prompt.label, classes="field-label", markup=False),
        Static(prompt.hint, classes="hint", markup=False),
        widget,
        classes="field",
    )


def chips(items: list[str]) -> Text:
    """Typed list items shown back as separate chips, so the person sees how they were split."""
    text = Text()
    for item in items:
        text.append(f" {item} ", style="reverse")
        text.append(" ")
    return text


class AssessmentScreen(SectionAutosave, BaseScreen):
    HELP_GUIDE = "assessment"
    CSS_PATH = "assessment.tcss"
    TITLE = "Self-assessment"
    AUTO_FOCUS = None  # on_mount focuses the first field without scrolling its label away

    BINDINGS = [
        Binding("ctrl+n", "switch_tab(1)", "Next tab", id="assessment.next_tab"),
        Binding("ctrl+b", "switch_tab(-1)", "Prev tab", show=False, id="assessment.prev_tab"),
        Binding("right_square_bracket", "switch_tab(1)", "Next tab", show=False, id="assessment.next_tab_key"),
        Binding("left_square_bracket", "switch_tab(-1)", "Prev tab", show=False, id="assessment.prev_tab_key"),
        Binding("ctrl+o", "paste_advert", "Paste advert", id="assessment.paste_advert"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sheets = load_worksheets()
        self.data: dict[str, dict[str, Any]] = {}
        self._per_goal_keys: list[str] = []
        self._per_goal_current = 0  # how many of those keys are current goals (the rest: earlier ones)
        # (horizon, place) of a goal on the Goals tab -> the text its skills are kept under.
        self._skills_key: dict[tuple[str, int], str] = {}
        self._shown: dict[str, str] = {}

    # -- building -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        profile = self.app.profile
        fresh = {name: profile.section(name) for name in SECTIONS}
        # Rebuilt after another session's change: what was typed here and is not on disk yet
        # stays on screen.
        for section, keys in self._unsaved().items():
            fresh[section].update({k: self.data[section][k] for k in keys if k in self.data.get(section, {})})
        self.data = fresh
        self._skills_key = {}  # the goal boxes are composed afresh from the saved goals
        target, skills = self.data["target"], self.data["skills"]
        prompts = {p.id: p for p in self.sheets.target_prompts + self.sheets.skills_prompts}
        yield AppHeader()
        yield Static(self._progress(), id="progress", markup=False)
        with TabbedContent(id="tabs"):
            with TabPane(TAB_TITLES[0], id=TABS[0]):
                with FormScroll():
                    yield field(prompts["role"], LineInput(str(target.get("role", "")), id="target-role", select_on_focus=False))
                    yield field(prompts["organisation"], LineInput(str(target.get("organisation", "")), id="target-organisation", select_on_focus=False))
                    yield field(prompts["mission"], self._text_area(str(target.get("mission", "")), "target-mission"))
                    yield field(prompts["terms"], LineInput(model.join_list(target.get("terms")), id="target-terms", select_on_focus=False))
                    yield Static(chips(list(target.get("terms") or [])), id="target-terms-chips", markup=False)
                    yield field(prompts["stage"], self._stage_radios(str(target.get("stage", ""))))
                    yield Static(self._stage_description(str(target.get("stage", ""))), id="stage-description", markup=False)
            with TabPane(TAB_TITLES[1], id=TABS[1]):
                with FormScroll():
                    yield ValuesEditor(
                        list(self.data["values"].get("items") or []),
                        self.sheets.value_suggestions,
                        self.sheets.values_prompts[0],
                    )
            with TabPane(TAB_TITLES[2], id=TABS[2]):
                with FormScroll():
                    for key in ("hard", "soft", "to_develop"):
                        yield field(prompts[key], LineInput(model.join_list(skills.get(key)), id=f"skills-{key}", select_on_focus=False))
                        yield Static(chips(list(skills.get(key) or [])), id=f"skills-{key}-chips", markup=False)
                    yield Label(prompts["per_goal"].label, classes="field-label", markup=False)
                    yield Static(prompts["per_goal"].hint, classes="hint", markup=False)
                    yield Vertical(id="per-goal")
            with TabPane(TAB_TITLES[3], id=TABS[3]):
                with FormScroll():
                    yield GoalsEditor(self.data["goals"], self.sheets.goals_prompts)
            with TabPane(TAB_TITLES[4], id=TABS[4]):
                with FormScroll():
                    for prompt in self.sheets.reflection_prompts:
                        answer = str(self.data["reflection"].get(prompt.id, ""))
                        yield field(prompt, self._text_area(answer, f"reflect-{prompt.id}"))
        yield KeyFooter()

    def _text_area(self, text: str, widget_id: str) -> TextArea:
        return ProseField(text, id=widget_id, classes="prose")

    def _stage_radios(self, current: str) -> RadioSet:
        buttons = [RadioButton(s.label, value=s.id == current, id=f"stage-{s.id}") for s in self.sheets.stages]
        return RadioSet(*buttons, id="target-stage")

    def _stage_description(self, stage_id: str) -> str:
        return next((s.description for s in self.sheets.stages if s.id == stage_id), "")

    def on_mount(self) -> None:
        self.app.register_draft_saver(self.flush)
        self._rebuild_per_goal()
        self._fields_only_as_tab_stops()
        # Focus now, before the first paint, so keys pressed the moment it shows land here.
        self._focus_first()

    def _fields_only_as_tab_stops(self) -> None:
        # Tab past the last field would stop on the tab strip, where typing goes nowhere;
        # the strip changes with ctrl+n / ctrl+p (or a click) instead.
        for strip in self.query(Tabs):
            strip.can_focus = False

    def on_unmount(self) -> None:
        self.flush()
        self.app.unregister_draft_saver(self.flush)

    # -- tabs -------------------------------------------------------------------------------------
    def action_switch_tab(self, delta: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        index = TABS.index(tabs.active) if tabs.active in TABS else 0
        # Drop focus first: a focused field in the pane being hidden would otherwise hand focus
        # to its neighbour, and the TabbedContent follows focus back to the old tab.
        self.set_focus(None)
        tabs.active = TABS[(index + delta) % len(TABS)]

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        if event.pane.id == "tab-skills":
            self._rebuild_per_goal()
        # A tab opens at its top, with its first label in view.
        for scroller in event.pane.query(FormScroll):
            scroller.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._focus_first)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # After the refresh: a field just mounted or a tab just shown has no place yet.
        self.call_after_refresh(show_with_label, event.widget)

    def _focus_first(self) -> None:
        """Put the cursor in the active tab's first field, so typing can start at once."""
        tabs = self.query_one("#tabs", TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        if pane is None or (self.focused is not None and pane in self.focused.ancestors):
            return  # already in this tab (AUTO_FOCUS or the person): never steal the cursor
        found = list(pane.query(FOCUSABLE))
        if found:
            # The tab opens at its top: the first field is there already, and scrolling to it
            # before the tab is laid out would hide its label.
            self.set_focus(found[0], scroll_visible=False)  # at once: keys already on their way land here

    # -- the job advert ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "paste_advert":  # offered on the Target tab, whose fields it fills
            tabs = self.query("#tabs")
            return not tabs or tabs.first(TabbedContent).active in ("", TABS[0])
        return True

    def action_paste_advert(self) -> None:
        draft = self.app.profile.draft(ADVERT_DRAFT) or {}
        self.app.push_screen(AdvertDialog(str(draft.get("text", ""))), self._apply_advert)

    def _apply_advert(self, choice: Choice | None) -> None:
        """Show the confirmed parts in the target's fields and save them (nothing when cancelled)."""
        if choice is None or choice.is_empty():
            return
        changes = target_changes(self.data["target"], choice)
        for key in ("role", "organisation"):
            if key in changes:
                self.query_one(f"#target-{key}", Input).value = changes[key]
        if "mission" in changes:
            self.query_one("#target-mission", TextArea).text = changes["mission"]
        if "terms" in changes:
            self.query_one("#target-terms", Input).value = model.join_list(changes["terms"])
            self._show(self.query_one("#target-terms-chips", Static), chips(changes["terms"]))
        if "stage" in changes:
            self.query_one(f"#stage-{changes['stage']}", RadioButton).value = True
            self.query_one("#stage-description", Static).update(self._stage_description(changes["stage"]))
        self._change("target", **changes)
        self.flush()
        self.notify("Saved to your target from the advert.", markup=False)

    # -- skills per goal --------------------------------------------------------------------------
    def _goal_texts(self) -> list[str]:
        goals = self.data["goals"]
        texts = [str(g.get("goal", "")).strip() for h in model.HORIZONS for g in goals.get(h) or ()]
        return list(dict.fromkeys(t for t in texts if t))

    def _rebuild_per_goal(self) -> None:
        box = self.query_one("#per-goal", Vertical)
        goals = self._goal_texts()
        per_goal = self.data["skills"].get("per_goal") or {}
        # Skills typed for a goal whose wording was since deleted stay listed, to be seen,
        # moved or cleared: never dropped unseen.
        earlier = model.earlier_goals(per_goal, goals)
        keys = goals + earlier
        if keys == self._per_goal_keys and len(goals) == self._per_goal_current and box.children:
            return
        self._per_goal_keys, self._per_goal_current = keys, len(goals)
        box.remove_children()
        if not keys:
            box.mount(Static("Your goals from the Goals tab will be listed here.", classes="hint", markup=False))
            return
        widgets: list[Widget] = []
        for index, goal in enumerate(keys):
            label = goal if index < len(goals) else f"(earlier goal) {goal}"
            widgets.append(
                Vertical(
                    Label(label, classes="per-goal-label", markup=False),
                    LineInput(model.join_list(per_goal.get(goal)), id=f"pergoal-{index}", classes="per-goal", select_on_focus=False),
                    classes="field per-goal-field",
                )
            )
        box.mount(*widgets)

    # -- changes (kept and saved by SectionAutosave) --------------------------------------------
    def _show_progress(self) -> None:
        # A field's first Changed can arrive while the screen is (re)composing, before the
        # progress line exists; the line is composed from the same data.
        for line in self.query("#progress").results(Static):
            self._show(line, self._progress())

    def _show(self, widget: Static, content: str | Text) -> None:
        """Update only on a real change: each update re-lays out the screen, so not per keystroke."""
        key = widget.id or ""
        if self._shown.get(key) != str(content):
            self._shown[key] = str(content)
            widget.update(content)

    async def _reload(self) -> None:
        """Rebuild the fields from the profile (plus what is still being saved from here),
        keeping the tab and the field the person was in."""
        tab = self.query_one("#tabs", TabbedContent).active
        focused = self.focused
        focused_id = focused.id if focused is not None else None
        cursor = getattr(focused, "cursor_position", None)
        location = getattr(focused, "cursor_location", None)
        self._shown.clear()
        self._per_goal_keys = []
        await self.recompose()
        self._fields_only_as_tab_stops()
        self.query_one("#tabs", TabbedContent).active = tab
        self._rebuild_per_goal()
        found = self.query(f"#{focused_id}") if focused_id else None
        if not found:
            self.call_after_refresh(self._focus_first)
            return
        field = found.first()
        field.focus()

        def put_cursor_back() -> None:
            # Focusing an Input selects its text: the next key would replace it all.
            if isinstance(field, Input) and cursor is not None:
                field.cursor_position = min(cursor, len(field.value))
            elif isinstance(field, TextArea) and location is not None:
                field.move_cursor(location)

        self.call_after_refresh(put_cursor_back)

    def _sync_from_widgets(self) -> None:
        # A signal can arrive between a keystroke and its Changed message: read the field being
        # typed in so its last characters are saved too.
        field = self.focused
        if field is None:
            return
        goals = next((a for a in field.ancestors if isinstance(a, GoalsEditor)), None)
        values = next((a for a in field.ancestors if isinstance(a, ValuesEditor)), None)
        if goals is not None:
            edit = goals.take(field, str(getattr(field, "value", "")))
            if edit is not None:
                self._goals_changed(goals.collect(), edit)
        elif values is not None and isinstance(field, TextArea):
            values.take_moment(field.text)
            self._change("values", items=[dict(i) for i in values.items])
        elif isinstance(field, Input):
            self.on_input_changed(Input.Changed(field, field.value))
        elif isinstance(field, TextArea):
            self.on_text_area_changed(TextArea.Changed(field))

    def _progress(self) -> str:
        return "Progress: " + model.progress_line(self.data, len(self.sheets.reflection_prompts))

    def on_input_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id in ("target-role", "target-organisation"):
            self._change("target", **{widget_id.removeprefix("target-"): event.value})
        elif widget_id == "target-terms":
            terms = model.split_list(event.value)
            self._show(self.query_one("#target-terms-chips", Static), chips(terms))
            self._change("target", terms=terms)
        elif widget_id.startswith("skills-"):
            key = widget_id.removeprefix("skills-")
            items = model.split_list(event.value)
            self._show(self.query_one(f"#{widget_id}-chips", Static), chips(items))
            self._change("skills", **{key: items})
        elif widget_id.startswith("pergoal-"):
            goal = self._per_goal_keys[int(widget_id.removeprefix("pergoal-"))]
            per_goal = dict(self.data["skills"].get("per_goal") or {})
            per_goal[goal] = model.split_list(event.value)
            if not per_goal[goal] and goal not in self._goal_texts():
                del per_goal[goal]  # an earlier goal's skills, cleared by the person
            self._change("skills", per_goal=per_goal)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        widget_id = event.text_area.id or ""
        if widget_id == "target-mission":
            self._change("target", mission=event.text_area.text)
        elif widget_id.startswith("reflect-"):
            self._change("reflection", **{widget_id.removeprefix("reflect-"): event.text_area.text})

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "target-stage" and event.pressed.id:
            stage = event.pressed.id.removeprefix("stage-")
            self.query_one("#stage-description", Static).update(self._stage_description(stage))
            self._change("target", stage=stage)

    def on_values_editor_add_own_requested(self, event: ValuesEditor.AddOwnRequested) -> None:
        editor = self.query_one(ValuesEditor)

        def added(name: str | None) -> None:
            if name:
                editor.add(name)

        self.app.push_screen(PromptDialog("Add your own value:"), added)

    def on_values_editor_changed(self, event: ValuesEditor.Changed) -> None:
        self._change("values", items=event.items)

    def on_goals_editor_changed(self, event: GoalsEditor.Changed) -> None:
        self._goals_changed(event.goals, event.edit)

    def _goals_changed(self, goals: dict[str, Any], edit: GoalEdit | None) -> None:
        """Save the goals; a goal's skills (Skills tab) follow it when its wording changes."""
        self._change("goals", **goals)
        if edit is None or edit.field != "goal":
            return
        place = (edit.horizon, edit.index)
        key = self._skills_key.get(place, edit.before.strip())
        per_goal, self._skills_key[place] = model.follow_goal_wording(
            dict(self.data["skills"].get("per_goal") or {}), key, edit.after, self._goal_texts()
        )
        if per_goal != (self.data["skills"].get("per_goal") or {}):
            self._change("skills", per_goal=per_goal)
