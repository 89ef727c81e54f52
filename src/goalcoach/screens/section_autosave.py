"""Saving a form's sections as they are edited: changes collect in memory per profile section and
are written a moment after the last one (only the fields that changed, so another session's edits
to other fields of the same section survive), and another session's change found on saving is
shown and announced.

A mixin for a screen that keeps its sections in `self.data` (section name -> fields) and provides
`_show_progress` (after each change), `_sync_from_widgets` (before a flush: the field being typed
in) and `_reload` (rebuild the fields from the profile).
"""

from __future__ import annotations

import copy
from collections import Counter
from functools import partial
from typing import Any

from textual.timer import Timer

from goalcoach.profile.journal import section_target

SAVE_DELAY = 0.5  # seconds after the last change


class SectionAutosave:
    """Keeps a screen's section edits and saves them off the UI thread (see the module doc)."""

    data: dict[str, dict[str, Any]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._dirty: dict[str, set[str]] = {}
        # Fields handed to a save that has not finished yet (a count per field: saves queue up).
        self._in_flight: dict[str, Counter[str]] = {}
        self._save_timer: Timer | None = None

    # -- what the screen provides ------------------------------------------------------------------
    def _show_progress(self) -> None:
        raise NotImplementedError

    def _sync_from_widgets(self) -> None:
        raise NotImplementedError

    async def _reload(self) -> None:
        raise NotImplementedError

    def _change(self, section: str, **changes: Any) -> None:
        """Keep the change in memory, show progress, and save shortly after the last change."""
        if all(self.data[section].get(k) == v for k, v in changes.items()):
            return
        self.data[section].update(changes)
        dirty = self._dirty.setdefault(section, set())
        dirty.update(changes)
        # Written ahead at once (the journal batches keys); saved to the profile below.
        self.app.journal.note_section(section, {k: self.data[section][k] for k in dirty})
        self._show_progress()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> None:
        """Write every pending change now (only the fields that changed, so another session's
        edits to other fields of the same section survive)."""
        self._sync_from_widgets()
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        for section, keys in list(self._dirty.items()):
            # A copy: the save runs on another thread while the person keeps typing.
            changes = copy.deepcopy({k: self.data[section][k] for k in keys})
            del self._dirty[section]
            self._in_flight.setdefault(section, Counter()).update(keys)
            self.app.save(
                partial(self.app.profile.update_section, section, **changes),
                lane=f"section:{section}",
                then=partial(self._saved, section, set(keys)),
                failed=partial(self._not_saved, section, set(keys)),
            )

    def _unsaved(self) -> dict[str, set[str]]:
        unsaved = {section: set(keys) for section, keys in self._dirty.items()}
        for section, counts in self._in_flight.items():
            unsaved.setdefault(section, set()).update(k for k, n in counts.items() if n > 0)
        return unsaved

    def _landed(self, section: str, keys: set[str]) -> None:
        self._in_flight.get(section, Counter()).subtract(keys)

    def _not_saved(self, section: str, keys: set[str], _error: str) -> None:
        # Still on screen: marked dirty again so the next change or leaving saves it.
        self._landed(section, keys)
        self._dirty.setdefault(section, set()).update(keys)

    def _saved(self, section: str, keys: set[str], stored: dict[str, Any]) -> None:
        """The section as saved; if it holds another session's change, show it and say so."""
        self._landed(section, keys)
        pending = self._unsaved().get(section, set())
        if not pending:  # nothing newer typed here: the journal's copy is no longer needed
            self.app.journal.settle(section_target(section))
        if not self.is_attached:
            return
        shown = self.data[section]
        others = {k for k in set(stored) | set(shown) if k not in pending and stored.get(k) != shown.get(k)}
        if not others:
            return
        self.notify(
            f"Another goalcoach session changed {', '.join(sorted(others))} in {section}: "
            "this screen now shows both sessions' changes.",
            title="Changed in another session",
            severity="information",
            timeout=10,
            markup=False,
        )
        self.run_worker(self._reload(), group="assessment-reload", exclusive=True, exit_on_error=False)

