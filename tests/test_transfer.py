"""transfer: the JSON backup's validation, the Markdown escaping and the prep sheet."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from goalcoach.domain import transfer
from goalcoach.content import load_recovery_moves
from goalcoach.profile import SCHEMA_VERSION

from test_progress_model import attempt, feedback, seed_history, NOW

NASTY = [
    "[/]",
    "[@click=app.quit]x[/]",
    "*not bold* and _not italic_",
    "# not a heading",
    "`not code`",
    "a | b | c",
    "<script>alert(1)</script>",
    "\x1b[31mred\x1b[0m text",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "===",
    "![img](http://x) [link](http://y) <http://z> &amp; &lt;",
]


def good_document(**changes):
    document = {
        "format": "goalcoach-export",
        "format_version": 1,
        "exported": "2026-11-02T09:00:00+00:00",
        "schema_version": SCHEMA_VERSION,
        "sections": {"target": {"role": "Nurse"}},
        "settings": {"theme": "nord"},
        "versions": [{"id": "v1", "name": "First", "text": "Hello", "created": "2026-11-01T09:00:00+00:00"}],
        "attempts": [{"id": "a1", "created": "2026-11-01T09:00:00+00:00", "kind": "practice"}],
        "drafts": {"builder": {"key": "builder", "text": "x", "cursor": [0, 0], "updated": "2026"}},
    }
    document.update(changes)
    return document


# -- validation ------------------------------------------------------------------------------
def test_a_good_export_parses_to_its_snapshot():
    snapshot = transfer.parse_export(json.dumps(good_document()).encode())
    assert snapshot["sections"] == {"target": {"role": "Nurse"}}
    assert snapshot["attempts"][0]["id"] == "a1"
    assert set(snapshot) == {"schema_version", "sections", "settings", "versions", "attempts", "drafts"}


def test_a_profile_backup_file_is_accepted_too():
    document = good_document(format="goalcoach-profile")
    del document["format_version"]
    assert transfer.parse_export(json.dumps(document))["settings"] == {"theme": "nord"}


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"format": "goalcoach-export", "format_ver', "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (json.dumps({"hello": 1}).encode(), "marker"),
        (json.dumps(good_document(format_version=2)).encode(), "format version 2"),
        (json.dumps(good_document(schema_version=SCHEMA_VERSION + 1)).encode(), "newer goalcoach"),
        (json.dumps(good_document(schema_version="2")).encode(), "schema_version"),
        (json.dumps(good_document(sections=[])).encode(), "sections is not an object"),
        (json.dumps(good_document(sections={"target": "x"})).encode(), "sections.target is not an object"),
        (json.dumps(good_document(settings=[])).encode(), "settings is not an object"),
        (json.dumps(good_document(versions={})).encode(), "versions is not a list"),
        (json.dumps(good_document(versions=[{"id": "v", "name": "n", "text": 3, "created": "c"}])).encode(), "versions[0].text is not text"),
        (json.dumps(good_document(attempts=[{"created": "c"}])).encode(), "attempts[0].id is missing"),
        (json.dumps(good_document(attempts=["x"])).encode(), "attempts[0] is not an object"),
        (json.dumps(good_document(attempts=[{"id": "a", "created": "c", "score": "99"}])).encode(), "attempts[0].score"),
        (json.dumps(good_document(drafts=[])).encode(), "drafts is not an object"),
        (json.dumps(good_document(drafts={"k": 1})).encode(), "drafts.k is not an object"),
    ],
)
def test_broken_files_are_refused_with_a_one_line_reason(data, expected):
    with pytest.raises(transfer.TransferError) as caught:
        transfer.parse_export(data)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_export_document_is_versioned_and_round_trips():
    snapshot = transfer.parse_export(json.dumps(good_document()))
    document = transfer.export_document(snapshot, "2026-11-02T09:00:00+00:00")
    assert document["format"] == "goalcoach-export"
    assert document["format_version"] == 1
    assert document["schema_version"] == SCHEMA_VERSION
    assert transfer.parse_export(transfer.dumps(document)) == snapshot


def test_new_versions_only_lists_unknown_ids_once():
    current = [{"id": "a"}]
    incoming = [{"id": "a"}, {"id": "b"}, {"id": "b"}]
    assert transfer.new_versions(current, incoming) == [{"id": "b"}]


# -- Markdown safety -------------------------------------------------------------------------
def _plain_text(markdown: str) -> str:
    """The text a Markdown renderer shows, and a check it produced no HTML or extra structure."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    pieces = []

    def walk(items):
        for token in items:
            assert token.type not in ("html_inline", "html_block", "code_inline", "code_block", "fence", "image")
            if token.type == "text":
                pieces.append(token.content)
            if token.children:
                walk(token.children)

    walk(tokens)
    return "".join(pieces)


@pytest.mark.parametrize("value", NASTY)
def test_md_inline_renders_back_to_the_plain_text(value):
    escaped = transfer.md_inline(value)
    tokens = MarkdownIt("commonmark").parse(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert _plain_text(escaped) == transfer.clean(value)


def test_clean_strips_ansi_and_control_characters():
    raw = "a\x1b[31mb\x1b[0mc\x1b]0;title\x07d\x07e\x00f\u202eg\r\nh\x9b1mi"
    assert transfer.clean(raw) == "abcdefg\nhi"


def test_md_quote_keeps_every_line_inside_the_quote():
    quoted = transfer.md_quote("# one\n\n---\n    indented\n- two")
    assert all(line.startswith(">") for line in quoted.splitlines())
    tokens = MarkdownIt("commonmark").parse(quoted)
    kinds = {t.type for t in tokens}
    assert "heading_open" not in kinds and "hr" not in kinds and "bullet_list_open" not in kinds
    assert "code_block" not in kinds


# -- whatever the app stores exports and imports back ------------------------------------------
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

typed = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(role=typed, terms=st.lists(typed, max_size=5), value=typed, goal=typed, per_goal=st.dictionaries(typed, st.lists(typed, max_size=3), max_size=3), answer=typed)
def test_any_profile_the_app_writes_exports_and_imports_back(tmp_path_factory, role, terms, value, goal, per_goal, answer):
    from goalcoach.profile import Profile

    profile = Profile.open(tmp_path_factory.mktemp("p") / "data")
    profile.update_section("target", role=role, organisation=role, mission=answer, terms=terms, stage="entry")
    profile.update_section("values", items=[{"name": value, "non_negotiable": True, "moment": answer}])
    profile.update_section("skills", hard=terms, soft=[], to_develop=terms, per_goal=per_goal)
    profile.update_section("goals", short_term=[{"goal": goal, "steps": answer, "target_date": value, "resources": terms}], long_term=[])
    profile.update_section("reflection", **{"why": answer})
    version = profile.add_version(value or "v", answer, score=55, quality="adequate")
    profile.set_current_version(version["id"])
    profile.add_attempt({"kind": "practice", "text": answer, "score": 40, "seconds": 12.5, "feedback": feedback(40)})
    profile.save_draft("builder", answer, (0, 0))
    document = transfer.export_document(profile.snapshot(), "2026-11-02T09:00:00+00:00")
    assert transfer.parse_export(transfer.dumps(document).encode())["sections"] == profile.snapshot()["sections"]
