"""A newcomer at 80×24, by keyboard alone: forms scroll with the focus and show each label,
tabs open at their top, prose goes in wrapping boxes, help keys do what the footer says,
footers keep their essential keys, resizing never hides the editor, escape never loses an
answer, and word counts agree."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Label, OptionList, TabbedContent

from goalcoach.domain.coaching import coach
from goalcoach.screens.assessment import AssessmentScreen
from goalcoach.screens.builder import BuilderScreen
from goalcoach.screens.help import HelpScreen
from goalcoach.screens.practice_run import PracticeRunScreen
from goalcoach.screens.versions import VersionsScreen
from goalcoach.widgets.editor import AnswerEditor
from goalcoach.widgets.prose import ProseField
from goalcoach_test_support import help_text, practice_run_ready, record_notifications, screen_text, settle

LONG_GOAL = "Within 18 months, become the analyst the pricing team relies on for its monthly demand forecast"


def label_of(widget: Widget) -> Label:
    """The label shown above a form field (the first Label in its field container)."""
    field = next(a for a in widget.ancestors_with_self if a.has_class("field"))
    return field.query(Label).first()


def in_view(app, widget: Widget) -> bool:
    return app.screen.can_view_entire(widget)


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def open_tab(pilot, tab: str) -> None:
    tabs = pilot.app.screen.query_one("#tabs", TabbedContent)
    while tabs.active != tab:
        await pilot.press("ctrl+n")
        await pilot.pause()
    pane = tabs.get_pane(tab)
    await settle(pilot, lambda: pilot.app.focused is not None and pane in pilot.app.focused.ancestors)


# -- 1 and 5: forms scroll; tabs open at their top -------------------------------------------------


async def test_goals_tab_scrolls_every_field_and_its_label_into_view(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        await open_tab(pilot, "tab-goals")
        await pilot.press(*"Own the forecast")  # starts the next short-term goal
        seen: list[str] = []
        while app.focused.id != "goal-long_term-0-goal":
            await pilot.press("tab")
            field = app.focused
            await settle(pilot, lambda: in_view(app, field) and in_view(app, label_of(field)))
            seen.append(field.id)
            assert len(seen) < 20, seen
        assert "goal-short_term-1-goal" in seen  # through the second short-term goal's fields
        heading = app.screen.query_one("#goals-long_term .group-heading", Label)
        await settle(pilot, lambda: in_view(app, heading))
        assert "Long-term goal (3–5 years)" in screen_text(app)
        await pilot.press(*"Lead a team")
        await settle(pilot, lambda: "Lead a team" in screen_text(app))


async def test_shift_tab_back_up_shows_each_label_too(make_app, profile):
    profile.save_section("goals", {"short_term": [{"goal": "Own it", "steps": "a", "target_date": "2027", "resources": "b"}]})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        await open_tab(pilot, "tab-goals")
        for _ in range(9):
            await pilot.press("tab")
        for _ in range(9):
            await pilot.press("shift+tab")
            field = app.focused
            await settle(pilot, lambda: in_view(app, field) and in_view(app, label_of(field)))
        assert app.focused.id == "goal-short_term-0-goal"
        heading = app.screen.query_one("#goals-short_term .group-heading", Label)
        await settle(pilot, lambda: in_view(app, heading))


async def test_each_tab_opens_at_its_top_with_the_first_label_in_view(make_app):
    first_labels = {
        "tab-target": "Role",
        "tab-values": "Your top five, best first",
        "tab-skills": "Hard skills",
        "tab-goals": "Short-term goal (1–2 years)",
        "tab-reflection": "You in five years",
    }
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        for tab, label in first_labels.items():
            await open_tab(pilot, tab)
            shown = [w for w in app.screen.query(Label) if str(w.render()) == label]
            await settle(pilot, lambda: shown and in_view(app, shown[0]) and label in screen_text(app))


# -- 8: prose in wrapping boxes, the cursor after the text -----------------------------------------


async def test_a_long_goal_wraps_and_shows_whole_and_typing_continues_it(make_app, profile):
    profile.save_section("goals", {"short_term": [{"goal": LONG_GOAL, "steps": "", "target_date": "", "resources": ""}]})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        await open_tab(pilot, "tab-goals")
        box = app.focused
        assert isinstance(box, ProseField) and box.id == "goal-short_term-0-goal"
        shown = " ".join(line.strip("█▊▎ ") for line in screen_text(app).splitlines())
        assert LONG_GOAL in shown  # every word on screen, not only the tail
        await pilot.press(*" and more")
        assert box.text == LONG_GOAL + " and more"
        await pilot.press("enter")  # one paragraph: enter moves on, like a form field
        assert app.focused.id == "goal-short_term-0-steps" and "\n" not in box.text


async def test_a_values_moment_is_a_wrapping_box(make_app, profile):
    moment = "Told a client the truth about a late order even though it cost us the renewal that quarter"
    profile.save_section("values", {"items": [{"name": "Honesty", "non_negotiable": True, "moment": moment}]})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        await open_tab(pilot, "tab-values")
        await pilot.press("m")
        box = app.focused
        assert isinstance(box, ProseField) and box.id == "values-moment"
        await settle(pilot, lambda: in_view(app, box))
        await pilot.press(*"!")
        assert box.text == moment + "!"


async def test_the_moment_box_asks_for_the_moment_once_a_value_is_chosen(make_app, profile):
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        await open_tab(pilot, "tab-values")
        box = app.screen.query_one("#values-moment", ProseField)
        assert "Select a value above first" in screen_text(app)  # nothing chosen: nothing to describe
        await pilot.press("tab", "enter")  # the first suggestion joins the list
        await settle(pilot, lambda: not box.disabled)
        await pilot.pause()
        assert "Select a value above first" not in screen_text(app)
        assert "What happened" in screen_text(app)


# -- 3: the builder's slots read as sentences, examples from the person's field --------------------


async def test_builder_prefill_uses_the_timeline_and_the_persons_field(make_app, profile):
    profile.save_section("target", {"role": "Clinical Informatics Analyst", "organisation": "St Mary's", "terms": []})
    profile.save_section(
        "goals",
        {"short_term": [{"goal": "Within 18 months, become the go-to person for the patient-record system", "steps": "", "target_date": "", "resources": ""}]},
    )
    app = make_app(profile)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        preview = str(app.screen.query_one("#preview").render())
        assert preview.startswith(
            "Over the next 18 months, my goal is to become the go-to person for the patient-record system."
        )
        assert "draws me most is clinical informatics, because" in preview
        reason = app.screen.query_one("#slot-reason", ProseField)
        assert "retail" not in str(reason.placeholder) and "patient" in str(reason.placeholder)


# -- 4: resizing never hides the editor ---------------------------------------------------------------


async def test_going_narrow_keeps_the_editor_in_view_and_ctrl_f_brings_it_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        editor = app.focused
        await pilot.resize_terminal(80, 24)
        await settle(pilot, lambda: app.screen.has_class("-narrow") and in_view(app, editor))
        app.screen.query_one("#builder-body").scroll_home(animate=False)  # as the mouse wheel would
        await settle(pilot, lambda: not in_view(app, editor))
        await pilot.press(*"Hello")
        await settle(pilot, lambda: in_view(app, editor))
        app.screen.query_one("#builder-body").scroll_home(animate=False)
        await settle(pilot, lambda: not in_view(app, editor))
        await pilot.press("ctrl+f")
        await settle(pilot, lambda: in_view(app, editor))
        await pilot.resize_terminal(120, 36)
        await settle(pilot, lambda: app.screen.has_class("-wide") and "Hello" in screen_text(app))


# -- 7: f1 everywhere, ? outside text fields ----------------------------------------------------------


async def test_question_mark_types_in_a_text_field_and_opens_help_elsewhere(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        await pilot.press("?")
        assert app.focused.value == "?" and not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "f1 opens help anywhere, ? outside text fields" in str(app.screen.query_one("#help-title").render())
        await pilot.press("escape")
        await open_tab(pilot, "tab-values")
        assert isinstance(app.focused, OptionList)
        await pilot.press("?")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))


# -- 9: footers at 80 columns ---------------------------------------------------------------------------


async def test_footers_keep_help_and_the_screens_main_keys_at_80_columns(make_app, profile):
    profile.add_version("V1", "In two years I want to lead the pricing team at Acme.")
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        await open_tab(pilot, "tab-values")
        line = footer(app)
        for key in ("Move", "n Non-neg.", "x Remove", "o Add own", "^n Next tab", "^q Quit", "f1 Help"):
            assert key in line, (key, line)
        await pilot.press("escape", "2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen) and isinstance(app.focused, AnswerEditor))
        await settle(pilot, lambda: "f1 Help" in footer(app))
        line = footer(app)
        # The slots are out of sight above the editor: their key takes the place of copying's.
        for key in ("^f Editor", "^g Slots", "^t Template", "^s Save", "^o Versions", "^q Quit"):
            assert key in line, (key, line)
        await pilot.press("escape", "5")
        await settle(pilot, lambda: "f1 Help" in footer(app))
        line = footer(app)
        for key in ("s Sort", "k Kind", "/ Filter", "p Practise", "c Chart", "Page", "^q Quit"):
            assert key in line, (key, line)


async def test_the_builder_footer_keeps_help_and_quit_at_60_columns(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen) and isinstance(app.focused, AnswerEditor))
        await settle(pilot, lambda: "^s Save" in footer(app))
        line = footer(app)
        # The template is how an answer starts: its key stays, with saving and the versions.
        for key in ("f1 Help", "^q Quit", "^s Save", "^t Template", "^o Versions"):
            assert key in line, (key, line)
        # ctrl+t puts the template into the empty editor.
        await pilot.press("ctrl+t")
        await settle(pilot, lambda: app.focused.text.startswith("Over the next"))
        # Wider again, the keys are back (copying's gives way to the slots', out of sight).
        await pilot.resize_terminal(80, 24)
        await settle(pilot, lambda: "^f Editor" in footer(app))
        line = footer(app)
        for key in ("^f Editor", "^g Slots", "^t Template", "^s Save", "^o Versions", "^q Quit", "f1 Help"):
            assert key in line, (key, line)


async def test_practice_feedback_and_progress_footers_keep_help_and_quit_at_60_columns(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3")
        await settle(pilot, lambda: app.screen.query(OptionList) and app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await settle(pilot, lambda: practice_run_ready(app))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        await pilot.press(*"I aim to lead a ward team", "ctrl+s")
        await settle(pilot, lambda: app.screen.phase == "feedback" and "Model answer" in footer(app))
        line = footer(app)
        # The session's own keys stay, finishing included (escape, left out, still goes back).
        for key in ("n Next question", "m Model answer", "s Finish", "^q Quit", "f1 Help"):
            assert key in line, (key, line)
        await pilot.press("s")
        await settle(pilot, lambda: app.screen.phase == "summary")
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, PracticeRunScreen))
        await pilot.press("escape")
        await pilot.press("5")
        await settle(pilot, lambda: "c Chart" in footer(app))
        line = footer(app)
        for key in ("/ Filter", "p Practise", "c Chart", "Page", "^q Quit", "f1 Help"):
            assert key in line, (key, line)


async def _footer_keeps_help_and_quit(pilot, where: str) -> None:
    app = pilot.app
    await settle(pilot, lambda: "Help" in footer(app) or "Quit" in footer(app))
    await pilot.pause()
    line = footer(app)
    assert "f1 Help" in line and "^q Quit" in line, (where, line)


async def test_every_screens_footer_keeps_help_and_quit_at_60_columns(make_app):
    from goalcoach.screens.drill import DrillRunScreen, DrillScreen
    from goalcoach.screens.progress import ProgressScreen

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await _footer_keeps_help_and_quit(pilot, "home")
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        for tab in ("tab-target", "tab-values", "tab-skills", "tab-goals", "tab-reflection"):
            await open_tab(pilot, tab)
            await _footer_keeps_help_and_quit(pilot, tab)
        await pilot.press("escape")
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen) and isinstance(app.focused, AnswerEditor))
        await _footer_keeps_help_and_quit(pilot, "builder")
        await pilot.press("ctrl+g")
        await _footer_keeps_help_and_quit(pilot, "builder slots")
        await pilot.press("escape")
        await pilot.press("3")
        await settle(pilot, lambda: app.screen.query(OptionList) and app.screen.query_one(OptionList).option_count > 0)
        await _footer_keeps_help_and_quit(pilot, "practice picker")
        await pilot.press("enter")
        await settle(pilot, lambda: practice_run_ready(app))
        await _footer_keeps_help_and_quit(pilot, "practice brief")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        await _footer_keeps_help_and_quit(pilot, "practice answer")
        await pilot.press(*"I aim to lead a ward team", "ctrl+s")
        await settle(pilot, lambda: app.screen.phase == "feedback")
        await _footer_keeps_help_and_quit(pilot, "practice feedback")
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, PracticeRunScreen))
        await pilot.press("escape")
        await pilot.press("4")
        await settle(pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen.query_one(OptionList).option_count > 0)
        await _footer_keeps_help_and_quit(pilot, "drill picker")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, DrillRunScreen) and isinstance(app.focused, AnswerEditor))
        await _footer_keeps_help_and_quit(pilot, "drill answer")
        await pilot.press(*"Let me clarify: I will lead the team", "ctrl+s")
        await settle(pilot, lambda: app.screen.phase == "feedback")
        await _footer_keeps_help_and_quit(pilot, "drill feedback")
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, DrillRunScreen))
        await pilot.press("escape")
        await pilot.press("5")
        await settle(pilot, lambda: isinstance(app.screen, ProgressScreen))
        await _footer_keeps_help_and_quit(pilot, "progress")


async def test_the_values_keys_left_out_of_a_narrow_footer_still_work_and_are_in_its_help(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        await open_tab(pilot, "tab-values")
        await pilot.press("tab")  # to the suggestions
        await settle(pilot, lambda: app.focused is not None and app.focused.id != "values-ranked")
        await pilot.press("enter")  # adds the first suggestion
        await pilot.press("shift+tab")
        await settle(pilot, lambda: app.focused is not None and app.focused.id == "values-ranked")
        await settle(pilot, lambda: "x Remove" in footer(app))
        line = footer(app)
        assert "f1 Help" in line and "^q Quit" in line and "n Non-neg." not in line, line
        await pilot.press("n")  # left out of the footer, still works
        await settle(pilot, lambda: "non-negotiable" in screen_text(app))
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot, lambda: "`n` non-negotiable or flexible" in help_text(app))
        for key in ("`u` or `ctrl+up` move up", "`d` or `ctrl+down` move down", "`x` or `delete` remove"):
            assert key in help_text(app)


# -- 10: escape in a practice answer ------------------------------------------------------------------


async def test_escape_in_a_practice_answer_steps_back_to_the_brief_and_keeps_the_text(make_app):
    app = make_app()
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot, lambda: app.screen.query(OptionList) and app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("down", "enter")
        await settle(pilot, lambda: practice_run_ready(app))
        await pilot.press("t", "enter")  # timer on, then answer
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        await pilot.press(*"My goal is")
        run = app.screen
        await pilot.press("escape")
        await settle(pilot, lambda: run.phase == "brief")
        assert app.screen is run and not run.timer.running
        assert any("kept" in s and "enter" in s for s in said)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        assert app.focused.text == "My goal is"
        await pilot.press(*" to")
        assert app.focused.text == "My goal is to"  # typing continues after the kept text
        await pilot.press("escape", "escape")
        await settle(pilot, lambda: not isinstance(app.screen, PracticeRunScreen))


# -- 12: one word count -------------------------------------------------------------------------------


async def test_versions_count_words_as_the_coach_does(make_app, profile):
    text = "I want to lead — truly lead — a team… e.g. data-driven / analytics work."
    profile.add_version("Mine", text)
    app = make_app(profile)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, VersionsScreen))
        words = coach(text)["words"]
        assert words != len(text.split())  # a text where naive splitting miscounts
        assert f"{words} words" in screen_text(app)




async def test_typing_into_a_filled_one_line_field_adds_to_its_text(make_app, profile):
    from textual.widgets import Input

    profile.save_section("target", {"role": "Data Analyst", "organisation": "", "terms": []})
    profile.save_section("skills", {"hard": ["SQL", "Python"], "soft": [], "to_develop": []})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        role = app.screen.query_one("#target-role", Input)
        await settle(pilot, lambda: app.focused is role)
        await pilot.press(*" (Senior)")
        await settle(pilot, lambda: role.value == "Data Analyst (Senior)")
        await open_tab(pilot, "tab-skills")
        hard = app.screen.query_one("#skills-hard", Input)
        await settle(pilot, lambda: app.focused is hard)
        await pilot.press(*", Excel")
        await settle(pilot, lambda: hard.value == "SQL, Python, Excel")


# -- 1: no tab stop where typing goes nowhere -----------------------------------------------------------


async def test_every_tab_stop_on_the_forms_is_a_field_never_the_page(make_app):
    from textual.containers import VerticalScroll

    from goalcoach.widgets.form import FormScroll

    def blind(app) -> bool:  # a page with focus shows no cursor and swallows what is typed
        return type(app.focused) in (VerticalScroll, FormScroll)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        for tab in ("tab-target", "tab-values", "tab-skills", "tab-goals", "tab-reflection"):
            await open_tab(pilot, tab)
            for key in ["tab"] * 14 + ["shift+tab"] * 16:
                await pilot.press(key)
                await pilot.pause()  # focus moves once the key is handled
                assert not blind(app), (tab, key, app.focused)
        await pilot.press("escape", "2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen) and isinstance(app.focused, AnswerEditor))
        await pilot.press("ctrl+g")
        for key in ["shift+tab"] * 4 + ["tab"] * 14:
            await pilot.press(key)
            await pilot.pause()
            assert not blind(app), ("builder", key, app.focused)


async def test_a_long_goal_above_its_skills_field_wraps_instead_of_being_cut(make_app, profile):
    goal = "Within five years, lead a team of analysts building Acme Health's European pricing models, end to end"
    profile.save_section("goals", {"short_term": [{"goal": goal, "steps": "", "target_date": "", "resources": ""}]})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.focused is not None)
        await open_tab(pilot, "tab-skills")
        label = app.screen.query_one(".per-goal-label", Label)
        label.scroll_visible(animate=False)
        await settle(pilot, lambda: "end to end" in " ".join(screen_text(app).split()))
