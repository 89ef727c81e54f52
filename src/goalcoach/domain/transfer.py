"""Export and import: the versioned JSON backup, its validation, and Markdown escaping.

Pure functions over plain data (a profile snapshot); never imports textual. The CLI
and the app's palette commands do the I/O (see transfer_files); the prep sheet is prep_sheet.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Sequence

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


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise TransferError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_export(data: bytes | str) -> dict[str, Any]:
    """Validate an export (or a profile backup) and return the snapshot to import.

    Raises TransferError saying what is wrong; checks everything before anything is changed.
    """
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise TransferError("not a goalcoach export: the file is not UTF-8 text") from None
    if not text.strip():
        raise TransferError("not a goalcoach export: the file is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise TransferError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "the file may be truncated or damaged"
        ) from None
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
    sections = document.get("sections", {})
    _require(isinstance(sections, dict), "damaged export: \"sections\" is not an object")
    for name, section in sections.items():
        _require(isinstance(section, dict), f"damaged export: section \"{name}\" is not an object")
    settings = document.get("settings", {})
    _require(isinstance(settings, dict), "damaged export: \"settings\" is not an object")
    versions = document.get("versions", [])
    _require(isinstance(versions, list), "damaged export: \"versions\" is not a list")
    for i, version in enumerate(versions):
        _require(isinstance(version, dict), f"damaged export: versions[{i}] is not an object")
        for key in ("id", "name", "text", "created"):
            _require(isinstance(version.get(key), str), f"damaged export: versions[{i}].{key} is missing or not text")
    attempts = document.get("attempts", [])
    _require(isinstance(attempts, list), "damaged export: \"attempts\" is not a list")
    for i, attempt in enumerate(attempts):
        _require(isinstance(attempt, dict), f"damaged export: attempts[{i}] is not an object")
        for key in ("id", "created"):
            _require(isinstance(attempt.get(key), str), f"damaged export: attempts[{i}].{key} is missing or not text")
    drafts = document.get("drafts", {})
    _require(isinstance(drafts, dict), "damaged export: \"drafts\" is not an object")
    for key, draft in drafts.items():
        _require(isinstance(draft, dict), f"damaged export: draft \"{key}\" is not an object")
    return {
        "schema_version": schema,
        "sections": sections,
        "settings": settings,
        "versions": versions,
        "attempts": attempts,
        "drafts": drafts,
    }


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
    """Add the snapshot's attempts and answer versions the profile lacks; (attempts, versions) added."""
    versions = new_versions(profile.versions(), snapshot["versions"])
    for version in versions:
        extra = {k: v for k, v in version.items() if k not in ("name", "text")}
        # add_version's extra keys win over its generated ones, so id and created survive.
        profile.add_version(version["name"], version["text"], **extra)
    added = profile.merge_attempts(snapshot["attempts"])
    return added, len(versions)


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
