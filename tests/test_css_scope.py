"""Each screen's stylesheet styles that screen alone: Textual loads a screen's CSS_PATH for the
whole app, so a bare `#answer` in one file would reach every screen with that id."""

from __future__ import annotations

import re
from pathlib import Path

import goalcoach.screens

SCREENS = Path(goalcoach.screens.__file__).parent
RULE = re.compile(r"([^{}]+)\{[^}]*\}")


def unscoped_selectors(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for rule in RULE.finditer(css):
        for selector in rule.group(1).split(","):
            selector = selector.strip()
            if selector and not re.match(r"[A-Z]\w*Screen\b", selector):
                found.append(selector)
    return found


def test_every_rule_in_a_screen_stylesheet_starts_with_its_screen():
    sheets = sorted(SCREENS.glob("*.tcss"))
    assert sheets
    problems = {sheet.name: unscoped_selectors(sheet.read_text()) for sheet in sheets}
    assert {name: found for name, found in problems.items() if found} == {}


def test_a_bare_id_is_caught():
    assert unscoped_selectors("#answer { height: 1fr; }\nPracticeRunScreen #model { width: 1fr; }") == ["#answer"]
