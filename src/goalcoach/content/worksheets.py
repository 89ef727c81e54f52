"""The self-assessment worksheets (worksheets.toml): stages, value suggestions and each
worksheet's fields."""

from __future__ import annotations

import functools
from pathlib import Path

from goalcoach.content.toml_reading import Node, cached_or_fresh, check_unique, read_toml
from goalcoach.content.types import WORKSHEET_PROMPTS, WORKSHEET_STAGES, Prompt, Stage, Worksheets


def _prompt(node: Node) -> Prompt:
    example = node.text("example") if "example" in node.data else ""  # optional
    return Prompt(**node.strings("id", "label", "hint"), example=example)


def _prompts(doc: Node, key: str, expected: tuple[str, ...] | None = None) -> tuple[Prompt, ...]:
    nodes = doc.tables(key)
    prompts = tuple(_prompt(n) for n in nodes)
    if expected is not None and tuple(p.id for p in prompts) != expected:
        raise doc.fail(key, f"expected the ids {', '.join(expected)} in that order")
    check_unique(nodes, [p.id for p in prompts], set())
    return prompts


@functools.cache
def _worksheets(root: Path) -> Worksheets:
    doc = read_toml(root, "worksheets.toml")
    stage_nodes = doc.tables("stages")
    stages = tuple(Stage(**n.strings("id", "label", "description")) for n in stage_nodes)
    if tuple(s.id for s in stages) != WORKSHEET_STAGES:
        raise doc.fail("stages", f"expected the stages {', '.join(WORKSHEET_STAGES)} in that order")
    prompts = {key: _prompts(doc, key, ids) for key, ids in WORKSHEET_PROMPTS.items()}
    return Worksheets(
        stages=stages,
        value_suggestions=doc.texts("value_suggestions", min_items=16),
        reflection_prompts=_prompts(doc, "reflection_prompts"),
        **prompts,
    )


def load_worksheets(root: Path | None = None) -> Worksheets:
    """Self-assessment prompts: stages, value suggestions and each worksheet's fields."""
    return cached_or_fresh(_worksheets, root)
