"""The answer template (template.toml): a pattern with {slot} placeholders, the slots' hints and
examples, and slot examples per field of work."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from goalcoach.content.toml_reading import cached_or_fresh, check_unique, read_toml
from goalcoach.content.types import TEMPLATE_SLOTS, FieldExamples, Slot, Template


@functools.cache
def _template(root: Path) -> Template:
    doc = read_toml(root, "template.toml")
    nodes = doc.tables("slots")
    slots = tuple(Slot(**n.strings("id", "label", "hint", "example")) for n in nodes)
    if tuple(s.id for s in slots) != TEMPLATE_SLOTS:
        raise doc.fail("slots", f"expected the slots {', '.join(TEMPLATE_SLOTS)} in that order")
    pattern = doc.text("pattern")
    used = re.findall(r"\{(\w+)\}", pattern)
    if sorted(used) != sorted(TEMPLATE_SLOTS):
        raise doc.fail("pattern", f"must use each of {{{'}, {'.join(TEMPLATE_SLOTS)}}} once")
    field_slots = [s for s in TEMPLATE_SLOTS if s != "time_frame"]
    fields = tuple(
        FieldExamples(n.text("id"), n.texts("keywords"), n.strings(*field_slots))
        for n in (doc.tables("fields") if "fields" in doc.data else [])
    )
    check_unique(doc.tables("fields") if fields else [], [f.id for f in fields], set())
    return Template(pattern=pattern, slots=slots, fields=fields)


def load_template(root: Path | None = None) -> Template:
    """The answer template: a pattern with {slot} placeholders and the slots' hints."""
    return cached_or_fresh(_template, root)
