"""Reading the content's TOML files: parse one into a Node, which checks its fields one by one
so every complaint names file and field; list a folder's files; and run a loader cached for the
shipped content. Never imports textual.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from goalcoach.content.types import ContentError
from goalcoach.paths import content_dir


def read_toml(root: Path, relative: str) -> Node:
    """Parse one TOML file; a missing or malformed file becomes a ContentError."""
    path = root / relative
    try:
        with path.open("rb") as handle:
            return Node(tomllib.load(handle), relative)
    except FileNotFoundError:
        raise ContentError(relative, "", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(relative, "", f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(relative, "", f"cannot read: {exc}") from None


def cached_or_fresh(loader: Any, root: Path | None) -> Any:
    """The cached result for the shipped content, or a fresh load of another content folder."""
    return loader(content_dir()) if root is None else loader.__wrapped__(Path(root))


def unwrap(text: str) -> str:
    """Strip, and join hard-wrapped lines: single newlines become spaces, blank lines stay."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


class Node:
    """A TOML table plus where it came from, so every complaint names file and field."""

    def __init__(self, data: dict[str, Any], file: str, path: str = "") -> None:
        self.data, self.file, self.path = data, file, path

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, field: str, problem: str) -> ContentError:
        return ContentError(self.file, field, problem)

    def strings(self, *keys: str) -> dict[str, str]:
        """The string under each key (see `text`), read in the order given, keyed by the key."""
        return {key: self.text(key) for key in keys}

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            raise self.fail(self.where(key), "missing (expected a non-empty string)")
        return self._string(value, self.where(key))

    def _string(self, value: Any, field: str) -> str:
        if not isinstance(value, str):
            kind = type(value).__name__
            raise self.fail(field, f"expected a non-empty string, got {kind}")
        if not value.strip():
            raise self.fail(field, "empty (expected a non-empty string)")
        return unwrap(value)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(self.where(key), f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    def texts(self, key: str, min_items: int = 1) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            raise self.fail(self.where(key), "missing (expected a list of strings)")
        if not isinstance(value, list):
            raise self.fail(self.where(key), "expected a list of strings")
        if len(value) < min_items:
            raise self.fail(self.where(key), f"expected at least {min_items} item(s)")
        return tuple(self._string(v, f"{self.where(key)}[{i}]") for i, v in enumerate(value))

    def table(self, key: str) -> Node:
        value = self.data.get(key)
        if not isinstance(value, dict):
            problem = "missing (expected a table)" if value is None else "expected a table"
            raise self.fail(self.where(key), problem)
        return Node(value, self.file, self.where(key))

    def tables(self, key: str, min_items: int = 1) -> list[Node]:
        value = self.data.get(key)
        if value is None:
            raise self.fail(self.where(key), "missing (expected an array of tables)")
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(self.where(key), "expected an array of tables")
        if len(value) < min_items:
            raise self.fail(self.where(key), f"expected at least {min_items} item(s)")
        return [Node(v, self.file, f"{self.where(key)}[{i}]") for i, v in enumerate(value)]


def check_unique(nodes: list[Node], ids: list[str], seen: set[str]) -> None:
    """Fail on an id already used in this file or an earlier one; then remember the ids."""
    local: set[str] = set()
    for node, item_id in zip(nodes, ids):
        if item_id in seen or item_id in local:
            raise node.fail(node.where("id"), f"duplicate id {item_id!r}")
        local.add(item_id)
    seen.update(local)


def toml_files(root: Path, folder: str) -> list[str]:
    directory = root / folder
    if not directory.is_dir():
        return []
    return [f"{folder}/{p.name}" for p in sorted(directory.glob("*.toml"))]
