"""The keys a person has really bound, as hints and footers name them.

A keymap.toml (see goalcoach.keymap) can move any binding to another key; a hint that says
"press 1" must then say the key that works. `bound_key` reads the app's keymap first and falls
back to the default the caller knows (usually from its own BINDINGS, see BaseScreen.key).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from typing import Any, Iterable

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import format_key


#: Keys that texts on other screens name ("press 1" on Home, "(key 4)" in practice advice), by
#: binding id. The screens that own these bindings take their keys from here too.
SHARED_KEYS: dict[str, str] = {
    "home.assessment": "1",
    "home.builder": "2",
    "home.practice": "3",
    "home.drill": "4",
    "home.progress": "5",
    "practice.own_target": "o",
    "progress.practise_next": "p",
}


def shared_key(app: Any, binding_id: str) -> str:
    """A key named on another screen than its own (see SHARED_KEYS), as really bound."""
    return bound_key(app, binding_id, SHARED_KEYS[binding_id])


def advice_keys(app: Any) -> dict[str, str]:
    """The keys the practice advice names (domain.practice_session.ADVICE_KEYS), as really bound."""
    return {
        "drill": shared_key(app, "home.drill"),
        "assessment": shared_key(app, "home.assessment"),
        "own_target": shared_key(app, "practice.own_target"),
    }


def key_text(keys: str) -> str:
    """The first of `keys` ("ctrl+s,f5") as the app's texts name a key: ctrl+s, escape, ?, 1."""
    first = keys.split(",")[0].strip()
    modifiers, plus, key = first.rpartition("+")
    # A named printable key shows as its character ("question_mark" is "?"); others keep their
    # names ("escape", "enter", "f5"), as the help and the README write them.
    shown = format_key(key)
    name = shown if len(shown) == 1 and shown.isprintable() and not shown.isspace() and shown != "⏎" else key
    return f"{modifiers}{plus}{name}"


def bound_key(app: Any, binding_id: str, default: str) -> str:
    """The key bound to `binding_id`: the person's keymap first, else `default`."""
    keymap = getattr(app, "keymap", None) or {}
    return key_text(keymap.get(binding_id) or default)


def default_keys(classes: Iterable[type], binding_id: str) -> str | None:
    """The keys a binding id has in the BINDINGS of `classes` (and their bases), if any."""
    for cls in classes:
        for owner in cls.__mro__:
            for binding in vars(owner).get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id == binding_id:
                    return binding.key
    return None


def screen_key(screen: Any, binding_id: str) -> str:
    """The key bound to `binding_id` (of `screen` or the app) as hints name it: the person's
    keymap.toml first, else the default in BINDINGS."""
    default = default_keys((type(screen), type(screen.app)), binding_id)
    if default is None:
        raise KeyError(f"no binding with the id {binding_id!r}")
    return bound_key(screen.app, binding_id, default)


def widget_key(cls: type, action: str) -> str:
    """The key a Textual widget binds to `action` without a binding id (so no keymap moves it),
    like TextArea's undo: read from its BINDINGS, as hints name it."""
    for owner in cls.__mro__:
        for binding in vars(owner).get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.action == action:
                return key_text(binding.key)
    raise KeyError(f"{cls.__name__} binds no key to {action!r}")


# -- keys in help pages ---------------------------------------------------------------------------
#: A help page (content/guide/*.md) names a key as {key:<binding id>}; help shows the keys bound.
KEY_PLACEHOLDER = re.compile(r"\{key:([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\}")


@functools.cache
def binding_defaults() -> dict[str, str]:
    """Binding id -> default keys, from the BINDINGS of every goalcoach screen and widget class
    (and the app's). A section's modules load when it opens, so a help page can name a key of a
    screen not opened yet (the builder's help names the versions list's keys): load them all
    first, by name, so that no screen module imports another for it."""
    for package in ("goalcoach.screens", "goalcoach.widgets"):
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{module.name}")
    found: dict[str, str] = {}
    seen: set[type] = set()
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                pending.append(sub)
        if cls.__module__.startswith("goalcoach."):
            for binding in vars(cls).get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, binding.key)
    return found


def keys_markdown(keys: str) -> str:
    """Keys ("u,ctrl+up") as a help page writes them: `u` or `ctrl+up`."""
    def named(key: str) -> str:
        shown = key_text(key)
        # Arrows are written by name ("ctrl+down"), as the guide's prose writes them.
        return shown if shown.isascii() else key.strip()

    return " or ".join(f"`{named(key)}`" for key in keys.split(",") if key.strip())


def fill_key_placeholders(app: Any, text: str, extra: dict[str, str] | None = None) -> str:
    """`text` with each {key:<binding id>} replaced by the keys really bound to it: the person's
    keymap first, else the default. `extra` maps ids that are not single bindings (Home's section
    keys) to ready-made text. An unknown id stays as written."""
    keymap = getattr(app, "keymap", None) or {}
    defaults = binding_defaults()

    def keys_for(match: re.Match[str]) -> str:
        binding_id = match.group(1)
        if extra and binding_id in extra:
            return extra[binding_id]
        keys = keymap.get(binding_id) or defaults.get(binding_id)
        return keys_markdown(keys) if keys else match.group(0)

    return KEY_PLACEHOLDER.sub(keys_for, text)
