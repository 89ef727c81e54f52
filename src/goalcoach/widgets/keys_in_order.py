"""Editing keys (backspace, arrows, home, end, …) take effect in the order they were typed.

A text field inserts a printable key the moment it reads it, but its own key bindings run only
after the key has travelled up to the app and back. Keys that arrive together (a quick typist,
a burst over SSH: " ab", backspace, "c") then come out of order: the backspace lands after the
"c" and deletes it. A field with this mixin runs its own binding as it reads the key instead.
"""

from __future__ import annotations

from textual import events


class EditingKeysInOrder:
    """Mix in before a Textual text widget (Input, TextArea)."""

    async def on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # the widget inserts it itself, at once
        active = self.screen.active_bindings.get(event.key)  # type: ignore[attr-defined]
        # Only the field's own bindings: the screen's and the app's keep their usual route.
        if active is None or active.node is not self or not active.enabled:
            return
        event.stop()
        event.prevent_default()
        await self.run_action(active.binding.action)  # type: ignore[attr-defined]
