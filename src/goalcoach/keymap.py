"""The person's own keys: keymap.toml in the user config directory maps binding ids to keys.

    # ~/.config/goalcoach/keymap.toml
    "app.quit" = "ctrl+x"
    "builder.save" = "f2,ctrl+s"

The app hands the result to Textual's App.set_keymap. Never imports textual.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

# What a binding id looks like ("builder.save") and what keys look like ("ctrl+s", "f2,ctrl+s").
_BINDING_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_KEYS = re.compile(r"[A-Za-z0-9_+\-]+(,[A-Za-z0-9_+\-]+)*")


class KeymapError(Exception):
    """The keymap file cannot be used; the message names the file and what is wrong."""


def load_keymap(path: Path) -> dict[str, str]:
    """Binding id -> keys from `path`; {} when there is no file; KeymapError when it is broken."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise KeymapError(f"{path}: cannot read it ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise KeymapError(f"{path}: not valid TOML ({error})") from None
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if not _BINDING_ID.fullmatch(binding_id):
            raise KeymapError(f"{path}: {binding_id!r} is not a binding id (like \"builder.save\")")
        if not isinstance(keys, str) or not _KEYS.fullmatch(keys.replace(" ", "")):
            raise KeymapError(f"{path}: {binding_id} = {keys!r}: give keys as text, like \"ctrl+s\" or \"f2,ctrl+s\"")
        keymap[binding_id] = keys.replace(" ", "")
    return keymap
