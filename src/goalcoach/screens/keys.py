"""The keys a person has really bound, as hints and footers name them.

A keymap.toml (see goalcoach.keymap) can move any binding to another key; a hint that says
"press 1" must then say the key that works. `bound_key` reads the app's keymap first and falls
back to the default the caller knows (usually from its own BINDINGS, see BaseScreen.key).
"""

from __future__ import annotations

from typing import Any, Iterable

from textual.binding import Binding
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
