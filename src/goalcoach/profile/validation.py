"""The shape every stored or imported value must have, checked before anything is written.

One place says what a section, setting, answer version, attempt and draft may hold: types,
ranges, finite numbers, text length, list length, nesting depth and valid Unicode. Imports
are checked against it in full (unknown keys refused), and a profile file is checked on
open (so a damaged one is quarantined instead of failing later on some screen).
"""

from __future__ import annotations

import math
from typing import Any, Callable, Mapping

#: An answer editor holds up to 200,000 characters; no stored text may be longer.
MAX_TEXT = 200_000
#: Ids, names, keys, dates and codes.
MAX_SHORT = 1_000
MAX_LIST = 10_000
MAX_DEPTH = 16
MAX_NUMBER = 10**12


class Invalid(ValueError):
    """What is wrong and where, in one line (e.g. `attempts[3].score is not a finite number`)."""


Check = Callable[[Any, str], None]


def _fail(where: str, what: str) -> None:
    raise Invalid(f"{where} {what}")


def text(limit: int = MAX_TEXT) -> Check:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, str):
            _fail(where, "is not text")
        if len(value) > limit:
            _fail(where, f"is longer than {limit:,} characters")
        _unicode(value, where)

    return check


SHORT = text(MAX_SHORT)
LONG = text()


def _unicode(value: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _fail(where, "holds invalid Unicode (a lone surrogate)")


def number(low: float = -MAX_NUMBER, high: float = MAX_NUMBER, integer: bool = False) -> Check:
    def check(value: Any, where: str) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            _fail(where, "is not a number")
        if isinstance(value, float) and not math.isfinite(value):
            _fail(where, "is not a finite number")
        if integer and not isinstance(value, int):
            _fail(where, "is not a whole number")
        if not low <= value <= high:
            _fail(where, f"is out of range ({low:g} to {high:g})")

    return check


def boolean(value: Any, where: str) -> None:
    if not isinstance(value, bool):
        _fail(where, "is not true or false")


def optional(check: Check) -> Check:
    def inner(value: Any, where: str) -> None:
        if value is not None:
            check(value, where)

    return inner


def either(*checks: Check) -> Check:
    def inner(value: Any, where: str) -> None:
        errors = []
        for check in checks:
            try:
                check(value, where)
                return
            except Invalid as error:
                errors.append(str(error))
        raise Invalid(errors[0])

    return inner


def list_of(item: Check, limit: int = MAX_LIST) -> Check:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, list):
            _fail(where, "is not a list")
        if len(value) > limit:
            _fail(where, f"has more than {limit:,} items")
        for n, element in enumerate(value):
            item(element, f"{where}[{n}]")

    return check


def mapping(values: Check, limit: int = MAX_LIST) -> Check:
    """An object with any text keys (a goal's text can be a key) whose values all pass `values`."""

    def check(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            _fail(where, "is not an object")
        if len(value) > limit:
            _fail(where, f"has more than {limit:,} keys")
        for key, element in value.items():
            LONG(key, f"{where} key")
            values(element, f"{where}.{key[:40]}")

    return check


def record(fields: Mapping[str, Check], required: tuple[str, ...] = (), extra: Check | None = None) -> Check:
    """An object with known keys; unknown keys are refused unless `extra` says how to check them."""

    def check(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            _fail(where, "is not an object")
        for key in required:
            if key not in value:
                _fail(f"{where}.{key}", "is missing")
        for key, element in value.items():
            SHORT(key, f"{where} key")
            if key in fields:
                fields[key](element, f"{where}.{key}")
            elif extra is not None:
                extra(element, f"{where}.{key}")
            else:
                _fail(f"{where}.{key}", "is not a field goalcoach knows")

    return check


def plain(value: Any, where: str, depth: int = 0) -> None:
    """Any JSON value within the limits (for open-ended data such as the coach's feedback)."""
    if depth > MAX_DEPTH:
        _fail(where, f"is nested deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        number()(value, where)
    elif isinstance(value, str):
        LONG(value, where)
    elif isinstance(value, list):
        if len(value) > MAX_LIST:
            _fail(where, f"has more than {MAX_LIST:,} items")
        for n, element in enumerate(value):
            plain(element, f"{where}[{n}]", depth + 1)
    elif isinstance(value, dict):
        if len(value) > MAX_LIST:
            _fail(where, f"has more than {MAX_LIST:,} keys")
        for key, element in value.items():
            SHORT(key, f"{where} key")
            plain(element, f"{where}.{key}", depth + 1)
    else:
        _fail(where, "is not a JSON value")


# What a person types is LONG (an editor's limit) even in a one-line field; SHORT is for ids,
# times, keys and codes the app writes itself.
TEXT_LIST = list_of(LONG)
TEXT_OR_LIST = either(LONG, TEXT_LIST)
SCORE = optional(number(0, 100))

def _sections(strict: bool) -> dict[str, Check]:
    """Fields of the sections goalcoach itself fills in (other section names hold any plain data).

    Strict (imports): unknown fields are refused. Lenient (opening your own profile): unknown
    fields are kept if they are plain data, so a field a later goalcoach adds never gets a
    profile quarantined; the known fields are checked in full either way.
    """
    extra = None if strict else (lambda v, w: plain(v, w, 2))

    def rec(fields: Mapping[str, Check]) -> Check:
        return record(fields, extra=extra)

    value = rec({"name": LONG, "non_negotiable": boolean, "moment": LONG})
    goal = rec({"goal": LONG, "steps": TEXT_OR_LIST, "target_date": LONG, "resources": TEXT_OR_LIST})
    return {
        # values and duties (with the advert's sentence) come from a job advert the person confirmed
        "target": rec({"role": LONG, "organisation": LONG, "mission": LONG, "terms": TEXT_LIST, "stage": optional(SHORT),
                       "values": TEXT_LIST, "duties": list_of(rec({"term": LONG, "sentence": LONG}))}),
        "values": rec({"items": list_of(value, 1_000)}),
        "skills": rec({"hard": TEXT_LIST, "soft": TEXT_LIST, "to_develop": TEXT_LIST, "per_goal": mapping(TEXT_LIST)}),
        "goals": rec({"short_term": list_of(goal), "long_term": list_of(goal)}),
        "reflection": mapping(LONG, 1_000),
        "builder": rec({"slots": mapping(LONG, 1_000)}),
    }


SECTIONS = _sections(strict=True)
SECTIONS_STORED = _sections(strict=False)

SETTINGS: dict[str, Check] = {
    "theme": SHORT,
    "low_bandwidth": boolean,
    "streaks": boolean,
    "current_version": optional(SHORT),
}

VERSION_FIELDS: dict[str, Check] = {
    "id": SHORT, "name": LONG, "text": LONG, "created": SHORT, "score": SCORE, "quality": optional(SHORT)
}
VERSION = record(VERSION_FIELDS, required=("id", "name", "text", "created"))

ATTEMPT_FIELDS: dict[str, Check] = {
        "id": SHORT,
        "created": SHORT,
        "kind": SHORT,
        "text": LONG,
        "score": SCORE,
        "seconds": optional(number(0, 10**7)),
        "quality": optional(SHORT),
        "feedback": optional(lambda v, w: mapping(lambda e, w2: plain(e, w2, 2), 1_000)(v, w)),
        "scenario_id": optional(SHORT),
        "scenario_title": optional(LONG),
        "stage": optional(SHORT),
        "question": optional(LONG),
        "session_id": optional(SHORT),
        "follow_up": optional(boolean),
        "own_target": optional(boolean),
        "version_id": optional(SHORT),
        "drill_id": optional(SHORT),
        "misstep": optional(SHORT),
        "adaptive": optional(boolean),
        "recovery": optional(lambda v, w: mapping(lambda e, w2: plain(e, w2, 2), 1_000)(v, w)),
        "question_kind": optional(SHORT),
        "follow_up_id": optional(SHORT),
}
#: An imported attempt: only known fields.
ATTEMPT = record(ATTEMPT_FIELDS, required=("id", "created"))
#: A stored attempt: known fields checked, others (from a later goalcoach) kept if plain data.
STORED_ATTEMPT = record(ATTEMPT_FIELDS, required=("id", "created"), extra=lambda v, w: plain(v, w, 1))

DRAFT = record(
    {"key": SHORT, "text": LONG, "cursor": list_of(number(0, 10**9, integer=True), 2), "updated": SHORT},
    required=("text",),
)


def section(name: str, data: Any, where: str, strict: bool = True) -> None:
    SHORT(name, f"{where} name")
    check = (SECTIONS if strict else SECTIONS_STORED).get(name)
    if check is not None:
        check(data, where)
    else:
        mapping(lambda v, w: plain(v, w, 1), 1_000)(data, where)


def setting(key: str, value: Any, where: str) -> None:
    SHORT(key, f"{where} name")
    SETTINGS.get(key, lambda v, w: plain(v, w, 1))(value, where)


# -- the profile file (TinyDB's layout: tables of numbered documents) ------------------------
TABLES = ("_meta", "sections", "settings", "versions")


def profile_file(raw: Any, schema_version: int) -> None:
    """Check a current-schema profile file in full; Invalid says what is damaged."""
    if not isinstance(raw, dict):
        _fail("the file", "is not a JSON object")
    for table, documents in raw.items():
        if table not in TABLES:
            _fail(f"table {table!r}", "is not one goalcoach writes")
        if not isinstance(documents, dict):
            _fail(f"table {table!r}", "is not an object")
        for doc_id, doc in documents.items():
            if not (isinstance(doc_id, str) and doc_id.isdigit() and doc_id.isascii()):
                _fail(f"{table} document {doc_id!r}", "has no numeric id")
            where = f"{table}[{doc_id}]"
            if table == "_meta":
                record({"schema_version": number(schema_version, schema_version, integer=True)}, ("schema_version",))(doc, where)
            elif table == "sections":
                record({"name": SHORT, "data": lambda v, w: None}, ("name", "data"))(doc, where)
                section(doc["name"], doc["data"], f"section {doc['name']!r}", strict=False)
            elif table == "settings":
                record({"key": SHORT, "value": lambda v, w: None}, ("key", "value"))(doc, where)
                setting(doc["key"], doc["value"], f"setting {doc['key']!r}")
            else:
                record(VERSION_FIELDS, ("id", "name", "text", "created"), extra=lambda v, w: plain(v, w, 1))(doc, where)
