"""The coach panel: score, what to fix, checklist, the organisation's terms and the highlighted answer.

It renders the coach's JSON-shaped result (Feedback.to_dict()), so a stored attempt's
feedback shows exactly as it did when it was made.

Every line of the panel is its own row, and a new result updates only the rows whose content
changed: while a person types, the coach runs after each pause, and repainting the whole
panel each time would cost kilobytes per key over SSH. A changed row out of sight takes its
new content quietly and is drawn when it comes into view. Colours are theme variables, so the
panel follows the app's theme, light or dark.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import NoScreen
from textual.errors import NoWidget
from textual.widgets import Static

from goalcoach.coach.rubric import (ELEMENTS, ISSUE_SEVERITY, MISSING_PRIORITY, NOTHING_TO_FIX, element_name, is_bonus,
                                   issue_name, no_issue_line)
from goalcoach.textsafety import steady_width
from goalcoach.widgets.footer import readable_colour
from goalcoach.widgets.highlight import highlighted_lines, more_note

EMPTY_MESSAGE = "No answer yet. Start typing: the coach reads your answer each time you pause."

QUALITY_STYLE = {"strong": "bold $text-success", "adequate": "bold $text-warning", "weak": "bold $text-error"}
PRESENT_STYLE = "bold $text-success"
MISSING_STYLE = "bold $text-error"
BONUS_STYLE = "dim"  # blends with any theme's background ($text-muted would lose its alpha here)
ISSUE_MARK_STYLE = "bold $text-error"
ADD_MARK_STYLE = "bold $text-warning"
SUGGESTION_STYLE = "$text-accent"
# The theme's text colours a suggestion may take, best first: the first that reads at 4.5:1 on
# the panel (textual-light's accent text is about 3:1 there).
SUGGESTION_COLOURS = ("text-accent", "text-primary", "text-secondary", "foreground")
GOOD_STYLE = "$text-success"
QUOTE_STYLE = "italic"
MAX_QUOTE = 80  # longer matches (a whole sentence) are highlighted in the answer, not quoted


class Row(NamedTuple):
    key: str
    content: Content
    classes: str = ""


class PanelRow(Static):
    """One line of the panel: repaints only when what it shows changes."""

    def __init__(self, content: Content, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(content, id=id, classes=classes, markup=False)
        self.shown = content

    def show(self, content: Content) -> None:
        if content.is_same(self.shown):
            return
        self.shown = content
        # A new layout pass repaints more than this row (scrollbars, for one): ask for it only
        # when the row's height changes (measured as the layout measures it, which keeps the
        # figure with the content for the layout to reuse).
        width = self.content_region.width
        same_height = self.is_mounted and width > 0 and content.get_height(self.styles, width) == self.content_region.height
        self.update(content, layout=not same_height)
        if same_height and not self._in_view():
            # Out of sight (scrolled away, or its section hidden): the new content is drawn
            # when the row comes into view, since moving into view repaints it. Telling the
            # screen now would make it lay out every widget again to find this row, and the
            # next key's cursor scroll would pay for that.
            self._repaint_required = False

    def _in_view(self) -> bool:
        try:
            return bool(self.screen.find_widget(self).visible_region)
        except (NoScreen, NoWidget):
            return False


class PanelRows(Vertical):
    """Rows kept by key: `sync` adds, removes and updates only the rows that differ."""

    DEFAULT_CSS = "PanelRows { height: auto; }"

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.rows: dict[str, PanelRow] = {}

    def shown(self) -> list[Content]:
        return [row.shown for row in self.rows.values()]

    def sync(self, wanted: Iterable[Row]) -> None:
        wanted = list(wanted)
        keys = [row.key for row in wanted]
        kept_old = [key for key in self.rows if key in set(keys)]
        kept_new = [key for key in keys if key in self.rows]
        if kept_old != kept_new:  # reordered: rare enough to rebuild
            kept_old = []
        for key in [key for key in self.rows if key not in set(kept_old)]:
            self.rows.pop(key).remove()
        for index, row in enumerate(wanted):
            existing = self.rows.get(row.key)
            if existing is not None:
                existing.show(row.content)
                continue
            widget = PanelRow(row.content, classes=row.classes)
            after = next((self.rows[k] for k in keys[index + 1:] if k in self.rows), None)
            self.rows[row.key] = widget
            if after is not None:
                self.mount(widget, before=after)
            else:
                self.mount(widget)


# -- what each part shows ---------------------------------------------------------------------
def summary_content(feedback: dict[str, Any]) -> Content:
    quality = str(feedback.get("quality", ""))
    style = QUALITY_STYLE.get(quality, "bold")
    seconds = float(feedback.get("speaking_seconds", 0))
    return Content.assemble(
        ("Score ", "bold"),
        (f"{feedback.get('score', 0)}", style),
        "/100  ",
        (quality.capitalize(), style),
        f"   {feedback.get('words', 0)} words · about {int(seconds // 60)}:{int(seconds % 60):02d} spoken",
    )


def _severity(issue: dict[str, Any]) -> int:
    code = issue.get("code")
    return ISSUE_SEVERITY.index(code) if code in ISSUE_SEVERITY else len(ISSUE_SEVERITY)


def _quotes(issue: dict[str, Any], answer: str) -> list[str]:
    """Every distinct match of an issue in the answer, in order (not only the first)."""
    spans = issue.get("spans") or [[issue.get("start", 0), issue.get("end", 0)]]
    seen: dict[str, str] = {}
    for span in spans:
        start, end = int(span[0]), int(span[1])
        whole = start == 0 and end == len(answer)  # an issue about the whole answer (its length)
        if answer and 0 <= start < end <= len(answer) and end - start <= MAX_QUOTE and not whole:
            snippet = steady_width(" ".join(answer[start:end].split()))
            seen.setdefault(snippet.casefold(), snippet)
    return list(seen.values())


def fix_rows(feedback: dict[str, Any], answer: str = "", suggestion_style: str = SUGGESTION_STYLE) -> list[Row]:
    """Issues, most damaging first (the priority fix leads); with none, the most valuable missing
    element. Suggestions are drawn in `suggestion_style`."""
    rows: list[Row] = []
    issues = sorted(feedback.get("issues") or [], key=_severity)
    for issue in issues:
        code = str(issue.get("code", ""))
        head = Content.assemble(("▲ ", ISSUE_MARK_STYLE), (issue_name(code), ISSUE_MARK_STYLE))
        quotes = _quotes(issue, answer)
        for n, quote in enumerate(quotes):
            head = Content.assemble(head, ", " if n else "  ", "“", (quote, QUOTE_STYLE), "”")
        rows.append(Row(f"issue:{code}", head, "fix-head"))
        rows += _detail_rows(f"issue:{code}", issue, suggestion_style)
    if issues:
        return rows
    line = no_issue_line(feedback)
    rows.append(Row("none", Content.styled(line, GOOD_STYLE if line == NOTHING_TO_FIX else ADD_MARK_STYLE), "fix-head"))
    elements = feedback.get("elements") or {}
    priority = feedback.get("priority")
    if isinstance(priority, dict) and priority.get("kind") == "missing" and priority.get("code"):
        # The coach's own priority fix: it quotes the person's goal and role.
        code, detail = str(priority["code"]), priority
    else:
        optional = set(feedback.get("bonus") or ())  # a follow-up's bonus elements are no gap to fix
        missing = [c for c in MISSING_PRIORITY if c in elements and c not in optional and not (elements.get(c) or {}).get("present")]
        if not missing:
            return rows
        code, detail = missing[0], elements[missing[0]]
    head = Content.assemble(("+ Add: ", ADD_MARK_STYLE), (element_name(code), "bold"))
    rows.append(Row(f"add:{code}", head, "fix-head"))
    rows += _detail_rows(f"add:{code}", detail, suggestion_style)
    return rows


def _detail_rows(key: str, item: dict[str, Any], suggestion_style: str) -> list[Row]:
    rows = []
    if item.get("message"):
        # Messages may quote the person's own words (their goal, their role).
        rows.append(Row(f"{key}:message", Content(steady_width(str(item["message"]))), "fix-detail"))
    if item.get("suggestion"):
        rows.append(Row(f"{key}:suggestion", Content.styled(steady_width(f"→ {item['suggestion']}"), suggestion_style), "fix-detail"))
    return rows


def checklist_rows(feedback: dict[str, Any]) -> list[Row]:
    elements = feedback.get("elements") or {}
    # A follow-up's judgement lists only its own checklist and names its own bonus elements.
    judged = "question" in feedback
    bonus = set(feedback.get("bonus") or ())
    rows = []
    for code in ELEMENTS:
        if judged and code not in elements:
            continue
        if (elements.get(code) or {}).get("present"):
            content = Content.assemble(("✔ ", PRESENT_STYLE), element_name(code))
        elif (code in bonus) if judged else is_bonus(code):
            content = Content.styled(f"· {element_name(code, mark_bonus=True)}", BONUS_STYLE)
        else:
            content = Content.assemble(("✘ ", MISSING_STYLE), element_name(code))
        rows.append(Row(code, content, "check-row"))
    return rows


def terms_rows(feedback: dict[str, Any]) -> list[Row]:
    terms = feedback.get("terms") or {}
    # The terms are the person's own (their target's values, mission and duties).
    used = [steady_width(str(t)) for t in terms.get("used") or []]
    missed = [steady_width(str(t)) for t in terms.get("missed") or []]
    if not used and not missed:
        return []
    return [
        Row("used", Content.assemble(("Used: ", "bold"), (", ".join(used) or "none yet", GOOD_STYLE if used else BONUS_STYLE))),
        Row("missed", Content.assemble(("Not yet: ", "bold"), (", ".join(missed) or "none", "$text-warning" if missed else BONUS_STYLE))),
    ]


def answer_rows(feedback: dict[str, Any], answer: str) -> list[Row]:
    rows = [Row(f"line:{n}", line, "answer-line") for n, line in enumerate(highlighted_lines(answer, feedback))]
    note = more_note(answer)
    if note is not None:
        rows.append(Row("more", note, "answer-line"))
    return rows


class CoachPanel(VerticalScroll):
    """Shows one analysis. Call `show(feedback_dict, answer_text)`; it never parses markup.

    A new result starts at the top (score and the priority fix first). `live=True` marks an
    update of the same answer while it is being typed: then a position the person scrolled
    to is kept. `clear()` shows the empty state, never an old score.
    """

    DEFAULT_CSS = """
    CoachPanel { border: round $secondary; padding: 0 1; height: 1fr; }
    CoachPanel > .heading { text-style: bold; color: $text-secondary; margin-top: 1; }
    CoachPanel .fix-head, CoachPanel .check-row, CoachPanel #coach-terms PanelRow { padding-left: 2; }
    CoachPanel .fix-detail { padding-left: 4; }
    CoachPanel.-empty > .result { display: none; }
    CoachPanel.-no-terms > .terms { display: none; }
    CoachPanel.-no-answer > .answer { display: none; }
    """

    def __init__(self, *, show_answer: bool = True, id: str | None = None) -> None:
        super().__init__(id=id, classes="-empty -no-terms -no-answer")
        self.border_title = "Coach"
        self.show_answer = show_answer
        self._shown: tuple[dict[str, Any], str] | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _suggestion_style(self) -> str:
        """The theme's text colour for suggestions that reads at 4.5:1 on this panel."""
        behind = self.background_colors[1]
        name = readable_colour(self.app.theme_variables, behind, SUGGESTION_COLOURS)
        return f"${name}" if name else SUGGESTION_STYLE

    def _theme_changed(self) -> None:
        # The new theme's colours are known once its styles are applied.
        self.call_after_refresh(self._restyle_suggestions)

    def _restyle_suggestions(self) -> None:
        if self._shown is not None and not self.is_empty:
            feedback, answer = self._shown
            self.query_one("#coach-issues", PanelRows).sync(fix_rows(feedback, answer, self._suggestion_style()))

    def compose(self) -> ComposeResult:
        yield PanelRow(Content(EMPTY_MESSAGE), id="coach-summary")
        # What to fix comes first: on a small terminal it is what must be visible without scrolling.
        yield Static("What to fix", classes="heading result", markup=False)
        yield PanelRows(id="coach-issues", classes="result")
        yield Static("Checklist", classes="heading result", markup=False)
        yield PanelRows(id="coach-checklist", classes="result")
        yield Static("Organisation's terms", classes="heading result terms", markup=False)
        yield PanelRows(id="coach-terms", classes="result terms")
        yield Static("Your answer, highlighted", classes="heading result answer", markup=False)
        yield PanelRows(id="coach-answer", classes="result answer")

    @property
    def is_empty(self) -> bool:
        return self.has_class("-empty")

    def clear(self) -> None:
        """The empty state: nothing to coach yet, so no score at all."""
        self.add_class("-empty")
        self.query_one("#coach-summary", PanelRow).show(Content(EMPTY_MESSAGE))

    def show(self, feedback: dict[str, Any], answer: str = "", *, live: bool = False) -> None:
        if not answer.strip() and not feedback.get("words"):
            self.clear()
            return
        fresh = self.is_empty or not live
        self.query_one("#coach-summary", PanelRow).show(summary_content(feedback))
        self._shown = (feedback, answer)
        self.query_one("#coach-issues", PanelRows).sync(fix_rows(feedback, answer, self._suggestion_style()))
        self.query_one("#coach-checklist", PanelRows).sync(checklist_rows(feedback))
        terms = terms_rows(feedback)
        self.query_one("#coach-terms", PanelRows).sync(terms)
        show_answer = self.show_answer and bool(answer)
        if show_answer:
            self.query_one("#coach-answer", PanelRows).sync(answer_rows(feedback, answer))
        self.set_class(not terms, "-no-terms")
        self.set_class(not show_answer, "-no-answer")
        self.remove_class("-empty")
        if fresh:
            self.scroll_home(animate=False, immediate=True)
