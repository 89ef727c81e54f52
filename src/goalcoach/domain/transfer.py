"""Export and import: the versioned JSON backup, its validation, and Markdown escaping.

Pure functions over plain data (a profile snapshot); never imports textual. The CLI
and the app's palette commands do the I/O (see transfer_files); the prep sheet is prep_sheet.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Sequence

from goalcoach.profile import validation
from goalcoach.profile.schema import SCHEMA_VERSION
from goalcoach.domain.progress import format_date
from goalcoach.textsafety import clean_text

FORMAT = "goalcoach-export"
FORMAT_VERSION = 1
# profile.backup() writes this marker; its files can be imported too.
BACKUP_FORMAT = "goalcoach-profile"


class TransferError(Exception):
    """A file that cannot be imported; the message is one line, fit to show as is."""


# -- JSON backup -------------------------------------------------------------------------------
def export_document(snapshot: dict[str, Any], exported: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported": exported,
        **snapshot,
        "schema_version": SCHEMA_VERSION,
    }


# DEL and C1 controls (U+007F-U+009F; U+009B acts as ESC[ on some terminals) are left raw by
# ensure_ascii=False; escaped, the backup printed to a terminal can never control it.
_C1 = re.compile("[\u007f-\u009f]")


def dumps(document: dict[str, Any]) -> str:
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise TransferError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


#: The largest export `import` reads. A backup holds text typed by one person: even tens of
#: thousands of practice attempts fit in a few megabytes.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
DOCUMENT_KEYS = {"format", "format_version", "exported", "schema_version", "sections", "settings", "versions", "attempts", "drafts"}


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_export(data: bytes | str) -> dict[str, Any]:
    """Validate an export (or a profile backup) in full and return the snapshot to import.

    Every field's type, range and size is checked against the profile's schema before
    anything is changed; raises TransferError saying, in one line, what is wrong and where.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise TransferError(f"the file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MiB, too large for an export")
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise TransferError("not a goalcoach export: the file is not UTF-8 text") from None
    if not text.strip():
        raise TransferError("not a goalcoach export: the file is empty")
    try:
        document = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise TransferError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "the file may be truncated or damaged"
        ) from None
    except ValueError as error:  # NaN or Infinity
        raise TransferError(f"damaged export: {error}") from None
    except RecursionError:
        raise TransferError("damaged export: the JSON is nested too deeply") from None
    _require(isinstance(document, dict), "not a goalcoach export: the top level is not a JSON object")
    marker = document.get("format")
    _require(marker in (FORMAT, BACKUP_FORMAT), "not a goalcoach export: the \"format\" marker is missing or wrong")
    if marker == FORMAT:
        version = document.get("format_version")
        _require(_is_int(version), "damaged export: \"format_version\" is missing or not a number")
        _require(
            version <= FORMAT_VERSION,
            f"this export uses format version {version}, newer than this goalcoach reads "
            f"({FORMAT_VERSION}); upgrade goalcoach to import it",
        )
    schema = document.get("schema_version")
    _require(_is_int(schema) and schema >= 1, "damaged export: \"schema_version\" is missing or not a positive number")
    _require(
        schema <= SCHEMA_VERSION,
        f"this export is from a newer goalcoach (schema {schema}; this one reads up to "
        f"{SCHEMA_VERSION}); upgrade goalcoach to import it",
    )
    unknown = sorted(set(document) - DOCUMENT_KEYS, key=str)
    _require(not unknown, f"damaged export: unexpected key \"{_show(unknown[0]) if unknown else ''}\"")
    snapshot = {
        "schema_version": schema,
        "sections": document.get("sections", {}),
        "settings": document.get("settings", {}),
        "versions": document.get("versions", []),
        "attempts": document.get("attempts", []),
        "drafts": document.get("drafts", {}),
    }
    try:
        _validate(snapshot)
    except validation.Invalid as error:
        raise TransferError(f"damaged export: {_show(str(error))}") from None
    return snapshot


def _show(text: str) -> str:
    """A name from the file, fit for a one-line message: no control characters, not too long."""
    text = clean(text).replace("\n", " ").encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= 120 else text[:117] + "..."


def _validate(snapshot: dict[str, Any]) -> None:
    v = validation
    v.mapping(lambda data, where: None, 1_000)(snapshot["sections"], "sections")
    for name, data in snapshot["sections"].items():
        v.section(name, data, f"sections.{name}")
    v.mapping(lambda value, where: None, 1_000)(snapshot["settings"], "settings")
    for key, value in snapshot["settings"].items():
        v.setting(key, value, f"settings.{key}")
    v.list_of(v.VERSION, 100_000)(snapshot["versions"], "versions")
    v.list_of(v.ATTEMPT, 2_000_000)(snapshot["attempts"], "attempts")
    v.mapping(v.DRAFT, 1_000)(snapshot["drafts"], "drafts")


def new_versions(current: Sequence[dict[str, Any]], incoming: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Incoming answer versions whose ids the profile does not have yet (first of each id)."""
    known = {v.get("id") for v in current}
    fresh = []
    for version in incoming:
        if version["id"] not in known:
            known.add(version["id"])
            fresh.append(version)
    return fresh


def merge_into(profile: Any, snapshot: dict[str, Any]) -> tuple[int, int]:
    """Add the snapshot's attempts and answer versions the profile lacks; (attempts, versions) added.

    One transaction: all of them are written, or (disk full, crash) none.
    """
    return profile.merge(snapshot)


def is_empty(snapshot: dict[str, Any]) -> bool:
    """Nothing a person wrote: no sections, versions, attempts or drafts (settings don't count)."""
    return not (snapshot.get("sections") or snapshot.get("versions") or snapshot.get("attempts") or snapshot.get("drafts"))


# -- Markdown safety -----------------------------------------------------------------------------
# Bidi overrides and isolates could make the sheet read differently from what it says.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>|#~&!$^])")
_LIST_START = re.compile(r"^(\d+)([.)])")


def clean(text: Any) -> str:
    """Plain text from user input: ANSI escape sequences and control characters removed."""
    text = clean_text(str(text if text is not None else ""))
    text = text.replace("\t", " ").translate(_BIDI)
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")


def md_inline(text: Any) -> str:
    """One line of user text, safe inside a Markdown paragraph, list item or table cell."""
    line = " ".join(clean(text).split())
    line = _MD_INLINE.sub(r"\\\1", line)
    # Line-start constructs: list markers, setext underlines, ordered lists, quotes.
    if line[:1] in ("-", "+", "=", ">"):
        line = "\\" + line
    return _LIST_START.sub(r"\1\\\2", line)


def md_quote(text: Any) -> str:
    """User text as a Markdown blockquote, one quoted line per line (blank lines kept)."""
    lines = [md_inline(line) for line in clean(text).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return "> *(empty)*"
    return "\n".join(f"> {line}" if line else ">" for line in lines)


# -- the prep sheet --------------------------------------------------------------------------------
def current_answer(snapshot: dict[str, Any]) -> tuple[str, str] | None:
    """(label, text) of the current answer version, else the latest builder attempt."""
    current_id = (snapshot.get("settings") or {}).get("current_version")
    for version in snapshot.get("versions") or []:
        if current_id and version.get("id") == current_id:
            return f"Answer version “{version.get('name', '')}”, saved {format_date(version.get('created'))}", str(version.get("text", ""))
    builder = [a for a in snapshot.get("attempts") or [] if a.get("kind") == "builder" and a.get("text")]
    if builder:
        latest = max(builder, key=lambda a: str(a.get("created", "")))
        return f"Latest answer from the builder, {format_date(latest.get('created'))}", str(latest["text"])
    return None
