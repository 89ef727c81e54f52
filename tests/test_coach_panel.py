"""The coach panel on its own and in the builder: the empty state, scrolling back to the top for
each new result, every match of an issue named, updates that touch only the rows that changed,
and the theme's own colours (snapshots in snapshots/test_coach_panel/)."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widget import Widget

from goalcoach.coach.rubric import ISSUE_SEVERITY, issue_name
from goalcoach.domain.coaching import coach, context_for
from goalcoach.app import GoalCoachApp
from goalcoach.profile import Profile
from goalcoach.screens.builder import BuilderScreen
from goalcoach.widgets.coach_panel import EMPTY_MESSAGE, CoachPanel, PanelRow, PanelRows

from goalcoach_test_support import fixed_clock, settle

DEV = {row["id"]: row for row in map(json.loads, (Path(__file__).parent / "data" / "dev.jsonl").read_text().splitlines())}
STRONG = DEV["dev-001"]["text"]
WEAK = DEV["dev-002"]["text"]  # vague, unrealistic, hedging, too short
HEDGING = "I guess I want to lead a team, maybe in two years, but I am not really sure. I guess that is it."


class PanelApp(App[None]):
    """Just the panel, the way a screen holds it."""

    def __init__(self, theme: str | None = None) -> None:
        super().__init__()
        self._theme_name = theme

    def compose(self) -> ComposeResult:
        yield CoachPanel(id="coach")

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name


def feedback(text: str, **context) -> dict:
    return coach(text, context_for(None, **context))


def panel(node) -> CoachPanel:
    """The coach panel inside an app or a screen."""
    return node.query_one(CoachPanel)


def visible_text(node) -> str:
    """What the panel shows, row by row, skipping hidden sections."""
    shown = []
    for row in panel(node).query(PanelRow):
        if all(ancestor.display for ancestor in row.ancestors_with_self if isinstance(ancestor, Widget)):
            shown.append(row.shown.plain)
    return "\n".join(shown)


def fix_heads(app) -> list[str]:
    return [row.shown.plain for row in panel(app).query_one("#coach-issues", PanelRows).rows.values() if row.has_class("fix-head")]


def count_refreshes(app) -> Counter:
    """Count, per row, every refresh the panel asks of it from now on."""
    counts: Counter = Counter()
    for n, row in enumerate(panel(app).query(PanelRow)):
        key = row.id or f"{row.parent.id}:{n}"
        original = row.refresh

        def counting(*args, _original=original, _key=key, **kwargs):
            counts[_key] += 1
            return _original(*args, **kwargs)

        row.refresh = counting
    return counts


# -- the empty state ---------------------------------------------------------------------------
async def test_an_empty_answer_shows_no_score_not_the_last_one():
    app = PanelApp()
    async with app.run_test(size=(80, 30)) as pilot:
        assert EMPTY_MESSAGE in visible_text(app) and "Score" not in visible_text(app)
        panel(app).show(feedback(STRONG), STRONG)
        await pilot.pause()
        assert "Score" in visible_text(app) and "✔" in visible_text(app)
        panel(app).show(feedback(""), "", live=True)
        await pilot.pause()
        assert EMPTY_MESSAGE in visible_text(app)
        assert "Score" not in visible_text(app) and "✔" not in visible_text(app)


async def test_emptying_the_builder_editor_resets_the_coach(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.save_draft("builder", STRONG, (0, 0))
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await settle(pilot, lambda: "Score" in visible_text(app.screen))
        editor = app.screen.query_one("#editor")
        editor.select_all()
        await pilot.press("backspace")
        assert editor.text == ""
        await settle(pilot, lambda: panel(app.screen).is_empty)
        assert "Score" not in visible_text(app.screen)
        await pilot.press(*"I want")
        # The coach may first show a result for "I" on a busy machine; it must reach the text.
        await settle(pilot, lambda: "2 words" in visible_text(app.screen))
        assert "Score" in visible_text(app.screen)


# -- what to fix -------------------------------------------------------------------------------
async def test_what_to_fix_names_every_match_of_a_kind():
    result = feedback(HEDGING)
    hedging = next(i for i in result["issues"] if i["code"] == "hedging")
    matches = {" ".join(HEDGING[s:e].split()).casefold() for s, e in hedging["spans"]}
    assert len(matches) >= 3  # the answer hedges three different ways
    app = PanelApp()
    async with app.run_test(size=(100, 30)) as pilot:
        panel(app).show(result, HEDGING)
        await pilot.pause()
        head = next(h for h in fix_heads(app) if issue_name("hedging") in h)
        for match in matches:
            assert f"“{match}”" in head.casefold()


async def test_the_priority_fix_comes_first():
    result = feedback(WEAK)
    codes = [i["code"] for i in result["issues"]]
    assert len(codes) >= 2
    most_damaging = min(codes, key=ISSUE_SEVERITY.index)
    app = PanelApp()
    async with app.run_test(size=(100, 30)) as pilot:
        panel(app).show(result, WEAK)
        await pilot.pause()
        assert fix_heads(app)[0].startswith(f"▲ {issue_name(most_damaging)}")
        assert panel(app).scroll_y == 0


# -- scrolling ---------------------------------------------------------------------------------
async def test_a_new_result_starts_at_the_top_but_typing_keeps_where_the_person_scrolled():
    app = PanelApp()
    async with app.run_test(size=(60, 12)) as pilot:
        coach_panel = panel(app)
        coach_panel.show(feedback(WEAK), WEAK)
        await pilot.pause()
        coach_panel.focus()
        await pilot.press("end")
        await settle(pilot, lambda: coach_panel.scroll_y > 0)
        scrolled = coach_panel.scroll_y

        # The same answer, typed on: the person's position stays.
        text = WEAK + " more"
        coach_panel.show(feedback(text), text, live=True)
        await pilot.pause()
        assert coach_panel.scroll_y == scrolled

        # A new result (the next follow-up, a submitted answer): back to the score.
        coach_panel.show(feedback(STRONG), STRONG)
        await settle(pilot, lambda: coach_panel.scroll_y == 0)
        assert "Score" in coach_panel.query_one("#coach-summary", PanelRow).shown.plain
        assert coach_panel.query_one("#coach-summary").region.y < coach_panel.region.bottom


async def test_the_first_result_after_an_empty_answer_starts_at_the_top():
    app = PanelApp()
    async with app.run_test(size=(60, 12)) as pilot:
        coach_panel = panel(app)
        coach_panel.show(feedback(WEAK), WEAK, live=True)
        await pilot.pause()
        coach_panel.focus()
        await pilot.press("end")
        await settle(pilot, lambda: coach_panel.scroll_y > 0)
        coach_panel.clear()
        coach_panel.show(feedback(STRONG), STRONG, live=True)
        await settle(pilot, lambda: coach_panel.scroll_y == 0)


# -- only what changed is repainted ------------------------------------------------------------
async def test_an_identical_result_repaints_nothing():
    result = feedback(WEAK, terms=["sustainability"])
    app = PanelApp()
    async with app.run_test(size=(100, 40)) as pilot:
        panel(app).show(result, WEAK)
        await pilot.pause()
        counts = count_refreshes(app)
        panel_refreshes = Counter()
        original = panel(app).refresh
        panel(app).refresh = lambda *a, **k: (panel_refreshes.update(["panel"]), original(*a, **k))[1]
        panel(app).show(copy.deepcopy(result), WEAK, live=True)
        await pilot.pause()
        assert sum(counts.values()) == 0 and not panel_refreshes
        # ...and the counter does count: a changed score repaints the summary.
        changed = copy.deepcopy(result)
        changed["score"] = result["score"] + 1
        panel(app).show(changed, WEAK, live=True)
        await pilot.pause()
        assert counts["coach-summary"] >= 1


async def test_a_flipped_checklist_row_repaints_only_that_row():
    result = feedback(WEAK)
    assert result["issues"] and not result["elements"]["long_term"]["present"]
    app = PanelApp()
    async with app.run_test(size=(100, 40)) as pilot:
        panel(app).show(result, WEAK)
        await pilot.pause()
        checklist = panel(app).query_one("#coach-checklist", PanelRows)
        flipped_row = checklist.rows["long_term"]
        before = flipped_row.shown.plain
        counts = count_refreshes(app)
        flipped = copy.deepcopy(result)
        flipped["elements"]["long_term"]["present"] = True
        panel(app).show(flipped, WEAK, live=True)
        await pilot.pause()
        assert flipped_row.shown.plain != before and "✔" in flipped_row.shown.plain
        repainted = {key for key, n in counts.items() if n}
        assert len(repainted) == 1 and counts[_key_of(app, flipped_row)] >= 1


async def test_editing_one_line_rehighlights_only_that_line():
    lines = [STRONG, "I guess that is all.", "My plan is to take the IV course this spring."]
    text = "\n".join(lines)
    edited = "\n".join(lines[:2] + [lines[2].replace("spring", "autumn")])  # same words, one line changed
    app = PanelApp()
    async with app.run_test(size=(100, 60)) as pilot:
        panel(app).show(feedback(text), text)
        await pilot.pause()
        answer_rows = list(panel(app).query_one("#coach-answer", PanelRows).rows.values())
        assert [row.shown.plain for row in answer_rows] == lines
        counts = count_refreshes(app)
        panel(app).show(feedback(edited), edited, live=True)
        await pilot.pause()
        changed = {key for key, n in counts.items() if n and key.startswith("coach-answer")}
        assert changed == {_key_of(app, answer_rows[2])}
        assert answer_rows[2].shown.plain.endswith("autumn.")


def record_updates(screen) -> list:
    """Every widget that asks its screen to repaint it from now on (what reaches the terminal)."""
    from textual import messages

    asked: list = []
    post = screen.post_message

    def recording(message):
        if isinstance(message, messages.Update):
            asked.append(message.widget)
        return post(message)

    screen.post_message = recording
    return asked


async def until_quiet(pilot, asked: list, tries: int = 50) -> None:
    """Let repaints still pending (from mounting the rows, say) go out, then forget them."""
    for _ in range(tries):
        asked.clear()
        await pilot.pause()
        if not asked:
            return
    raise AssertionError("the screen never stopped repainting")


def record_renders(row: PanelRow) -> list[str]:
    """The text of every picture of the row drawn for the screen from now on."""
    drawn: list[str] = []
    render_lines = row.render_lines

    def recording(crop):
        strips = render_lines(crop)
        drawn.append("".join(strip.text for strip in strips))
        return strips

    row.render_lines = recording
    return drawn


async def test_a_row_out_of_sight_is_drawn_when_it_comes_into_view_not_before():
    """Typing changes the highlighted answer at the panel's foot on every pause. Out of sight,
    the row takes its new text without asking the screen for a repaint (which would make the
    screen lay out every widget again before the next key); scrolled into view, it shows it."""
    text = STRONG + " I will start this spring."
    edited = text.replace("spring", "autumn")  # same length: the row keeps its height
    app = PanelApp()
    async with app.run_test(size=(70, 14)) as pilot:
        coach_panel = panel(app)
        coach_panel.show(feedback(text), text)
        await pilot.pause()
        summary = coach_panel.query_one("#coach-summary", PanelRow)
        (answer_row,) = coach_panel.query_one("#coach-answer", PanelRows).rows.values()
        assert answer_row.region.y >= coach_panel.region.bottom  # out of sight, below the panel
        asked = record_updates(app.screen)
        await until_quiet(pilot, asked)
        drawn = record_renders(answer_row)

        result = feedback(edited)
        result["score"] += 1  # and a change in sight, at the top
        coach_panel.show(result, edited, live=True)
        await pilot.pause()
        assert answer_row.shown.plain.endswith("autumn.")
        assert summary in asked  # a row in sight is repainted...
        assert answer_row not in asked and not drawn  # ...one out of sight is not

        coach_panel.scroll_end(animate=False, immediate=True)
        await settle(pilot, lambda: bool(drawn))
        assert answer_row.region.y < coach_panel.region.bottom
        assert "autumn." in drawn[-1] and "spring" not in drawn[-1]


async def test_typing_in_the_builder_leaves_the_panels_rows_out_of_sight_alone(data_dir):
    """At 100×30 the builder stacks the editor above the coach, whose highlighted answer is out
    of sight: a pause in typing updates that row without a repaint, and scrolling down shows
    the words just typed."""
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.save_draft("builder", STRONG, (0, len(STRONG)))
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        screen = app.screen
        editor = screen.query_one("#editor")
        answer_rows = lambda: list(panel(screen).query_one("#coach-answer", PanelRows).rows.values())
        await settle(pilot, lambda: [row.shown.plain for row in answer_rows()] == [STRONG])
        (answer_row,) = answer_rows()
        assert not answer_row.region.overlaps(screen.query_one("#builder-body").region)
        asked = record_updates(screen)
        await until_quiet(pilot, asked)

        await pilot.press("space", *"Done")
        await settle(pilot, lambda: answer_row.shown.plain == STRONG + " Done")
        assert editor.text == STRONG + " Done"
        assert answer_row not in asked

        drawn = record_renders(answer_row)
        panel(screen).scroll_end(animate=False, immediate=True)
        screen.query_one("#builder-body").scroll_end(animate=False, immediate=True)
        await settle(pilot, lambda: any("Done" in picture for picture in drawn))


def _key_of(app, row: PanelRow) -> str:
    n = list(panel(app).query(PanelRow)).index(row)
    return row.id or f"{row.parent.id}:{n}"


# -- theme colours -----------------------------------------------------------------------------
async def _show_weak_with_terms(pilot) -> None:
    text = WEAK + " I admire your sustainability work."
    panel(pilot.app).show(feedback(text, terms=["sustainability", "logistics"]), text)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def test_coach_panel_light_theme(snap_compare):
    assert snap_compare(PanelApp(theme="textual-light"), terminal_size=(80, 40), run_before=_show_weak_with_terms)


def test_coach_panel_dark_theme(snap_compare):
    assert snap_compare(PanelApp(theme="textual-dark"), terminal_size=(80, 40), run_before=_show_weak_with_terms)


async def test_panel_colours_follow_the_theme():
    """No colour is fixed: the same row renders differently in a light and a dark theme."""
    app = PanelApp(theme="textual-dark")
    async with app.run_test(size=(80, 40)) as pilot:
        await _show_weak_with_terms(pilot)
        row = panel(app).query_one("#coach-issues", PanelRows)
        first = next(iter(row.rows.values()))

        def colours() -> set[str]:
            return {str(seg.style.color) for strip in first.render_lines(first.region.reset_offset) for seg in strip if seg.text.strip()}

        dark = colours()
        app.theme = "textual-light"
        await pilot.pause()
        assert colours() != dark


async def test_the_next_follow_up_shows_its_score_from_the_top(make_app):
    from goalcoach_test_support import practice_run_ready as run_ready, submit
    from test_practice_screens import FIRST, SECOND, picker_ready, type_answer

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot, lambda: picker_ready(app))
        await pilot.press("enter")
        await settle(pilot, lambda: run_ready(app))
        await pilot.press("enter")
        await type_answer(pilot, FIRST)
        await submit(pilot)
        coach_panel = panel(app.screen)
        await pilot.press("end")  # the person reads down to the checklist
        await settle(pilot, lambda: coach_panel.scroll_y > 0)

        await pilot.press("n")
        await type_answer(pilot, SECOND)
        await submit(pilot)
        await settle(pilot, lambda: coach_panel.scroll_y == 0)
        assert f"{len(SECOND.split())} words" in coach_panel.query_one("#coach-summary", PanelRow).shown.plain


def test_with_no_issue_the_panel_shows_the_coachs_priority_fix_in_the_persons_words():
    from goalcoach.coach import analyse
    from goalcoach.widgets.coach_panel import fix_rows

    answer = ("In two years I want to become a senior staff nurse in critical care, because intensive care is "
              "where I made the most difference. I am taking the IV therapy course this spring and I hope to "
              "lead the unit later on.")
    feedback = analyse(answer).to_dict()
    shown = " ".join(str(getattr(row.content, "plain", row.content)) for row in fix_rows(feedback, answer))
    assert feedback["priority"]["kind"] == "missing"
    assert "senior staff nurse in critical care" in shown  # quoted from the answer, not a stock example


# -- emoji -------------------------------------------------------------------------------------
EMOJI_ANSWER = (
    "Over the next two years I want to lead the pricing team 🚀 as a data lead 👩‍💻, because I love ❤️ "
    "turning messy data into decisions 👍🏽. I guess I am taking the SQL course ✔️ now, and long term "
    "I want to run a pricing function."
)


def drawn_width(line: str) -> int:
    """How many cells a terminal that draws each code point on its own (tmux, xterm, most Linux
    terminals) gives a line: wide characters 2, joiners, selectors and combining marks 0."""
    import unicodedata

    width = 0
    for character in line:
        if unicodedata.category(character) in ("Mn", "Me", "Cf") or "\ufe00" <= character <= "\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


async def test_emoji_in_the_answer_leave_the_panels_border_in_place():
    """Every row the panel draws is as wide on a terminal as Textual measures it, so the rows
    line up and the border after them stays in its column."""
    result = feedback(EMOJI_ANSWER)
    # What to fix quotes the person's words: a quote and a message with emoji in them too.
    start = EMOJI_ANSWER.index("I love")
    result["issues"].append({"code": "vague", "spans": [[start, EMOJI_ANSWER.index("turning")]], "message": "“I love ❤️” says little."})
    for size in ((80, 24), (120, 36), (60, 20)):
        app = PanelApp()
        async with app.run_test(size=size) as pilot:
            panel(app).show(result, EMOJI_ANSWER)
            await pilot.pause()
            shown = visible_text(app)
            assert "🚀" in shown and "👩" in shown and "“I love ❤" in shown
            rows = [row for row in panel(app).query(PanelRow) if row.display and row.parent.display]
            drawn = [strip.text for row in rows for strip in row.render_lines(row.region.reset_offset)]
            assert any("🚀" in line for line in drawn)
            width = panel(app).scrollable_content_region.width
            for line in drawn:
                assert drawn_width(line) == width, f"{size}: {line!r}"


def test_highlights_stay_on_their_words_after_emoji():
    from goalcoach.widgets.highlight import ISSUE_SPAN_STYLE, highlighted_lines

    (line,) = highlighted_lines(EMOJI_ANSWER, feedback(EMOJI_ANSWER))
    marked = [line.plain[span.start:span.end] for span in line.spans if span.style == ISSUE_SPAN_STYLE]
    assert marked == ["I guess"]


def test_the_panel_says_no_issues_only_when_nothing_is_missing():
    from goalcoach.coach import analyse
    from goalcoach.coach.question_kinds import judge
    from goalcoach.widgets.coach_panel import fix_rows

    def shown(feedback: dict, answer: str) -> str:
        return "\n".join(str(getattr(row.content, "plain", row.content)) for row in fix_rows(feedback, answer))

    answer = ("In the next two years I want to lead the onboarding redesign, and I'm doing the CIPD Level 5 "
              "diploma now. Longer term I'd like to be head of people, because I care about fair workplaces and I "
              "want to keep growing in the people function every single year.")
    rows = shown(analyse(answer).to_dict(), answer)
    assert "No issues found" not in rows
    assert "still missing: Link to this employer" in rows and "+ Add: Link to this employer" in rows
    linked = answer.replace("the onboarding redesign", "the onboarding redesign on your team")
    assert shown(analyse(linked).to_dict(), linked).startswith("No issues found.")
    # a follow-up judged by its own question: its bonus elements are no gap
    salary = ("Based on my research, roles like this sit within Agenda for Change Band 5, and I'd expect to start "
              "around the middle of that band, though I'm flexible for the right development opportunities.")
    rows = shown(judge("salary", analyse(salary).to_dict()), salary)
    assert "No issues found" not in rows and "Short-term goal" not in rows.split("\n")[0]
