"""The answer builder: fill the template's slots, polish the assembled answer in an editor
while the coach reads it, and keep named versions of it.

The coach runs in a thread worker when typing pauses (AnswerEditor.Settled), never on a
keystroke, so even a 20,000-word paste leaves typing responsive.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea
from textual.worker import Worker, WorkerState

from goalcoach.content import load_template
from goalcoach.domain import assessment as model
from goalcoach.domain import prefill
from goalcoach.profile.journal import section_target
from goalcoach.screens.base import BaseScreen
from goalcoach.screens.dialogs import ConfirmDialog, PromptDialog
from goalcoach.screens.keys import widget_key
from goalcoach.widgets.coach_panel import CoachPanel
from goalcoach.widgets.editor import AnswerEditor
from goalcoach.widgets.footer import KeyFooter
from goalcoach.widgets.form import FormScroll, show_with_label
from goalcoach.widgets.prose import ProseField

from goalcoach.domain import coaching
from goalcoach.domain.attempt import Attempt
from goalcoach.domain.target import target_stage
from goalcoach.widgets.save_state import AppHeader

DRAFT_KEY = "builder"
QUESTION = "What are your career goals?"
SAVE_DELAY = 0.5
# The editor's undo (TextArea's own binding, which has no id for a keymap to move).
UNDO_KEY = widget_key(TextArea, "undo")


class BuilderScreen(BaseScreen):
    HELP_GUIDE = "builder"
    CSS_PATH = "builder.tcss"
    TITLE = "Answer builder"

    BINDINGS = [
        Binding("ctrl+f", "focus_editor", "Editor", id="builder.editor"),
        Binding("ctrl+g", "focus_slots", "Slots", id="builder.slots"),
        Binding("ctrl+t", "use_template", "Template", id="builder.use_template"),
        Binding("ctrl+s", "save_version", "Save", id="builder.save"),
        Binding("f5", "save_version", "Save version", show=False, id="builder.save_f5"),
        Binding("ctrl+o", "versions", "Versions", id="builder.versions"),
        Binding("ctrl+r", "copy", "Copy", id="builder.copy"),
        Binding("ctrl+l", "empty_editor", "Empty editor", show=False, id="builder.empty"),
    ]
    # A narrow footer leaves these out first, in this order: at 80 columns copying gives way to
    # the slots (out of sight above the editor there); narrower, the template, saving, versions,
    # help and quit stay in sight. The keys still work and the help lists them (tab reaches the
    # editor too, and the line above the editor names the slots' key).
    FOOTER_SECONDARY = ("copy", "focus_editor", "focus_slots")

    def __init__(self) -> None:
        super().__init__()
        self.template = load_template()
        self.slots: dict[str, str] = {}
        self._slots_dirty = False
        self._stored_slots: set[str] = set()  # slot ids the profile holds (even empty ones)
        self._save_timer: Timer | None = None
        self._feedback: tuple[str, dict[str, Any]] | None = None  # (text, coach result)
        self._coach_context: Any = None

    # -- building -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        profile = self.app.profile
        target = profile.section("target")
        suggestions = prefill.slot_suggestions(target, profile.section("goals"), self.app.now().date())
        saved = dict((profile.section("builder").get("slots") or {}))
        self._stored_slots = set(saved)
        self.slots = prefill.initial_slots(saved, suggestions, [s.id for s in self.template.slots])
        examples = prefill.examples_for(target, self.template.examples(), self.template.fields)
        current = profile.current_version()
        yield AppHeader()
        with VerticalScroll(id="builder-body"):
            with FormScroll(id="slots-col"):
                for slot in self.template.slots:
                    with Vertical(classes="field"):
                        yield Label(slot.label, classes="slot-label", markup=False)
                        yield ProseField(
                            self.slots[slot.id],
                            placeholder=f"e.g. {examples[slot.id]}",
                            one_paragraph=True,
                            id=f"slot-{slot.id}",
                            classes="slot",
                        )
                yield Static(self.template.slots[0].hint, id="slot-hint", markup=False)
                yield Label(f"Preview ({self.key('builder.use_template')} copies it into the editor)", classes="slot-label", markup=False)
                yield Static(self._assembled(), id="preview", markup=False)
            with Vertical(id="answer-col"):
                with Horizontal(id="answer-head"):
                    yield Label("Your answer", classes="slot-label", markup=False)
                    # The slots sit above the editor (or beside it): the key that reaches them.
                    yield Static(self._answer_hint(), id="answer-hint", markup=False)
                yield AnswerEditor(current["text"] if current else "", draft_key=DRAFT_KEY, id="editor")
                yield CoachPanel(id="coach")
        yield KeyFooter()

    def _answer_hint(self) -> str:
        return f"{self.key('builder.slots')}: template slots · {self.key('builder.empty')}: empty"

    @property
    def editor(self) -> AnswerEditor:
        return self.query_one("#editor", AnswerEditor)

    def on_mount(self) -> None:
        self.app.register_draft_saver(self.flush_slots)
        self._coach_context = coaching.target_context(self.app.profile, slots_key=self.key("builder.slots"))
        # Focus now, before the first paint, so keys typed the moment the screen opens land in
        # the editor; it is scrolled into view once the layout is known.
        self.editor.focus(scroll_visible=False)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self.focused is self.editor:
            self.editor.scroll_visible(animate=False, immediate=True)
        if self.editor.text.strip():
            self._run_coach(self.editor.text)

    def on_unmount(self) -> None:
        self.flush_slots()
        self.app.unregister_draft_saver(self.flush_slots)

    # -- slots ------------------------------------------------------------------------------------
    def _slot_changed(self, slot_id: str, value: str) -> None:
        if slot_id not in self.slots or self.slots[slot_id] == value:
            return
        self.slots[slot_id] = value
        self.query_one("#preview", Static).update(self._assembled())
        self._slots_dirty = True
        self.app.journal.note_section("builder", {"slots": dict(self.slots)})
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.flush_slots)

    def on_prose_field_submitted(self, event: ProseField.Submitted) -> None:
        if (event.field.id or "").startswith("slot-"):
            event.stop()
            self.focus_next()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "builder-body":
            # The page itself is a Tab stop Textual gives every scrolling container; it shows no
            # cursor and swallows typing, so pass focus on to the editor. (Made unfocusable, the
            # page would lay out differently at start.)
            self.editor.focus()
            return
        slot_id = (event.widget.id or "").removeprefix("slot-")
        slot = next((s for s in self.template.slots if s.id == slot_id), None)
        if slot is not None:
            self.query_one("#slot-hint", Static).update(slot.hint)
        self.call_after_refresh(show_with_label, event.widget)

    def flush_slots(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._slots_dirty:
            self._slots_dirty = False  # a failed save marks them again (the text stays here)
            # Empty slots never stored are left out: saving them would blank what another session
            # wrote there meanwhile.
            sent = {k: v for k, v in self.slots.items() if v or k in self._stored_slots}
            self.app.save(
                partial(self.app.profile.update_section, "builder", slots=sent),
                lane="section:builder",
                then=partial(self._slots_saved, sent),
                failed=lambda _error: setattr(self, "_slots_dirty", True),
            )

    def _slots_saved(self, sent: dict[str, str], stored: dict[str, Any]) -> None:
        """Show slots another session changed meanwhile (the save merged them), and say so."""
        if not self._slots_dirty and all(self.slots.get(k, "") == sent.get(k, "") for k in self.slots):
            self.app.journal.settle(section_target("builder"))  # nothing newer typed since
        if not self.is_attached:
            return
        theirs = stored.get("slots") or {}
        self._stored_slots |= set(theirs)
        # Only slots still showing what was sent: one typed in since keeps the new text.
        changed = [
            slot.id for slot in self.template.slots
            if isinstance(theirs.get(slot.id), str) and theirs[slot.id] != sent.get(slot.id, "")
            and self.slots.get(slot.id, "") == sent.get(slot.id, "")
        ]
        for slot_id in changed:
            self.slots[slot_id] = theirs[slot_id]
            self.query_one(f"#slot-{slot_id}", ProseField).load_text(theirs[slot_id])
        if changed:
            self.query_one("#preview", Static).update(self._assembled())
            self.notify(
                "Another goalcoach session changed the template slots: they now show both sessions' text.",
                title="Changed in another session",
                timeout=10,
                markup=False,
            )

    def action_focus_editor(self) -> None:
        self.editor.focus()
        self.editor.scroll_visible(animate=False)  # even when it already had focus, off screen

    def action_focus_slots(self) -> None:
        self.query_one(f"#slot-{self.template.slots[0].id}", ProseField).focus()

    # -- editor and coach -------------------------------------------------------------------------
    def _replace_editor_text(self, text: str) -> None:
        """Replace everything as one undoable edit (ctrl+z brings the old text back)."""
        editor = self.editor
        editor.replace(text, (0, 0), editor.document.end)
        editor.move_cursor(editor.document.end)
        editor.focus()

    def action_empty_editor(self) -> None:
        """Empty the editor as one undoable edit: ctrl+z in the editor brings the text back."""
        if not self.editor.text:
            self.editor.focus()
            self.notify("The editor is already empty.", markup=False)
            return
        self._replace_editor_text("")
        self.notify(f"Emptied the editor: {UNDO_KEY} brings the text back.", markup=False)

    def _assembled(self) -> str:
        return prefill.assemble_answer(self.template, self.slots, self.app.now().date())

    @work(group="dialog", exclusive=True, exit_on_error=False)
    async def action_use_template(self) -> None:
        assembled = self._assembled()
        current = self.editor.text
        if current.strip() and current != assembled:
            question = "Replace the text in the editor with the assembled template? (ctrl+z undoes it)"
            if not await self.app.push_screen_wait(ConfirmDialog(question)):
                return
        self._replace_editor_text(assembled)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if (event.text_area.id or "").startswith("slot-"):
            self._slot_changed(event.text_area.id.removeprefix("slot-"), event.text_area.text)
            return
        # Typing into an editor scrolled out of sight (a resize, the mouse wheel) brings it back.
        if event.text_area is self.editor and not self.can_view_entire(self.editor):
            self.editor.scroll_visible(animate=False)

    def on_answer_editor_settled(self, event: AnswerEditor.Settled) -> None:
        self._run_coach(event.text)

    def _run_coach(self, text: str) -> None:
        if not text.strip():
            self._feedback = None
            self.query_one("#coach", CoachPanel).clear()  # never an old score beside an empty editor
            return
        context = self._coach_context
        # exit_on_error=False: a coach error is reported below; typing goes on, the text stays.
        self.run_worker(
            lambda: (text, coaching.coach(text, context)), thread=True, exclusive=True, group="coach", exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            what = "The coach could not read this answer" if event.worker.group == "coach" else "That did not work"
            self.notify(f"{what}: {event.worker.error}", title="Error", severity="error", markup=False)
            return
        if event.worker.group != "coach" or event.state != WorkerState.SUCCESS:
            return
        text, feedback = event.worker.result
        if text != self.editor.text:
            return  # stale: a newer run is on its way
        self._feedback = (text, feedback)
        self.query_one("#coach", CoachPanel).show(feedback, text, live=True)

    async def _feedback_for(self, text: str) -> dict[str, Any] | None:
        if self._feedback is not None and self._feedback[0] == text:
            return self._feedback[1]
        try:
            return await asyncio.to_thread(coaching.coach, text, self._coach_context)
        except Exception as error:  # noqa: BLE001 - the version is still worth saving without a score
            self.notify(f"The coach could not read this answer: {error}", title="Error", severity="error", markup=False)
            return None

    # -- versions ---------------------------------------------------------------------------------
    @work(group="dialog", exclusive=True, exit_on_error=False)
    async def action_save_version(self) -> None:
        text = self.editor.text
        if not text.strip():
            self.notify("Write an answer first: the editor is empty.", severity="warning", markup=False)
            return
        profile = self.app.profile
        default = model.next_version_name(profile.versions())
        name = await self.app.push_screen_wait(PromptDialog("Name this version:", default))
        if name is None:
            return
        feedback = await self._feedback_for(text)
        extra = {"score": feedback.get("score"), "quality": feedback.get("quality")} if feedback else {}
        attempt = (
            Attempt.coached(
                "builder", QUESTION, text, feedback,
                version_id=None, scenario_title="Answer builder", stage=target_stage(profile),
            ).to_dict()
            if feedback is not None
            else None
        )

        def write() -> None:  # on a save worker: the version, then what points at it
            saved = profile.add_version(name, text, **extra)
            # The answer just saved is the one practice and the prep sheet use, until another is chosen.
            profile.set_current_version(saved["id"])
            if attempt is not None:
                profile.add_attempt({**attempt, "version_id": saved["id"]})

        saved = f"Saved “{name}” as your current answer ({self.key('builder.versions')} to choose another)."
        self.app.save(write, lane="versions", then=lambda _: self.notify(saved, markup=False))

    @work(group="dialog", exclusive=True, exit_on_error=False)
    async def action_versions(self) -> None:
        from goalcoach.screens.versions import VersionsScreen

        profile = self.app.profile
        if not profile.versions():
            self.notify(f"No versions yet: save one with {self.key('builder.save')}.", markup=False)
            return
        version_id = await self.app.push_screen_wait(VersionsScreen(self.editor.text))
        version = profile.version(version_id) if version_id else None
        if version is None:
            return
        current = self.editor.text
        unsaved = current.strip() and current not in {v["text"] for v in profile.versions()}
        if unsaved and current != version["text"]:
            question = f"The editor has text not saved as a version. Replace it with “{version['name']}”?"
            if not await self.app.push_screen_wait(ConfirmDialog(question)):
                return
        self._replace_editor_text(version["text"])
        self.notify(f"Opened “{version['name']}”.", markup=False)

    @work(group="dialog", exclusive=True, exit_on_error=False)
    async def action_copy(self) -> None:
        text = self.editor.text
        source = "the editor's text"
        current = self.app.profile.current_version()
        if current is not None and current["text"].strip() and current["text"] != text:
            # The ★ version is the answer the person chose; the editor may hold something else.
            question = (
                f"Your current version is “{current['name']}” (★), not the editor's text. "
                f"Copy “{current['name']}”? (n copies the editor's text)"
            )
            if not text.strip() or await self.app.push_screen_wait(ConfirmDialog(question)):
                text, source = current["text"], f"“{current['name']}”"
        if not text.strip():
            self.notify("Nothing to copy yet.", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {source} ({coaching.word_count(text)} words) to the clipboard.", markup=False)

    def extra_commands(self):
        from textual.app import SystemCommand

        yield SystemCommand("Save answer version", "Name and keep the editor's text", self.action_save_version)
        yield SystemCommand("Answer versions", "Open, compare or mark a version current", self.action_versions)
        yield SystemCommand("Copy answer", "Copy the answer to the clipboard", self.action_copy)
        yield SystemCommand(
            "Empty the editor", f"Remove the answer's text ({UNDO_KEY} brings it back)", self.action_empty_editor
        )

