"""Forms that scroll with the keyboard: the focused field comes into view with its label.

Textual scrolls a focused widget into view, but not the label above it, so after shift+tab
one types under an unseen label. Fields are wrapped in a container with the `field` class;
a container with the `form-section` class has a heading that also shows when focus enters
its first field.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


def _first_focusable(container: Widget) -> Widget | None:
    return next((w for w in container.query("*") if w.focusable), None)


def show_with_label(focused: Widget) -> None:
    """Scroll so the focused widget's field (label, hint and box) and, for a section's first
    field, the section heading are on screen. Call it after a refresh, when the layout is known."""
    field = next((a for a in focused.ancestors_with_self if isinstance(a, Widget) and a.has_class("field")), None)
    section = next((a for a in focused.ancestors if isinstance(a, Widget) and a.has_class("form-section")), None)
    # One after the other, each from where the last left the view (immediate), so each moves
    # it only as far as needed: the heading, then the label with its box, then the box itself
    # (which wins when a field is taller than the view).
    if section is not None and section.children and _first_focusable(section) is focused:
        section.children[0].scroll_visible(animate=False, immediate=True)
    (field or focused).scroll_visible(animate=False, immediate=True)
    focused.scroll_visible(animate=False, immediate=True)


class FormScroll(VerticalScroll, can_focus=False):
    """A scrolling form. Its fields take focus, the page never does: a page with focus shows no
    cursor and swallows what is typed. Focusing a field scrolls it into view (show_with_label)."""
