"""Paste an advert on the self-assessment's Target tab and confirm what was found: by keys alone,
saved only when confirmed, user text shown literally."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Checkbox, Input, TextArea

from goalcoach.app import GoalCoachApp
from goalcoach.profile import Profile
from goalcoach.screens.advert_dialog import AdvertDialog
from goalcoach.screens.assessment import AssessmentScreen

from goalcoach_test_support import fixed_clock, settle

ADVERT = (Path(__file__).parent / "data" / "adverts" / "us_product_manager.txt").read_text(encoding="utf-8")


async def open_dialog(pilot, app) -> AdvertDialog:
    await pilot.press("1")
    await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
    await pilot.press("ctrl+o")
    await settle(pilot, lambda: isinstance(app.screen, AdvertDialog))
    return app.screen


async def paste(pilot, app, text: str) -> None:
    app.post_message(events.Paste(text))  # as the terminal delivers it: to the app, which hands it on
    await settle(pilot, lambda: app.screen.query_one("#advert-text", TextArea).text.strip() == text.strip())


def kept_rows(dialog: AdvertDialog) -> dict[str, str]:
    return {dialog.query_one(f"#text-{i}", Input).value: kind for i, (kind, _) in enumerate(dialog.items)}


async def test_paste_confirm_edit_drop_and_save_by_keys(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.save_section("target", {"terms": ["mentoring"]})
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app)
        assert "Paste advert" not in str(app.screen.active_bindings)  # the dialog's own keys now
        await paste(pilot, app, ADVERT)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: dialog.query("#keep-0"))
        rows = kept_rows(dialog)
        assert rows["Tallgrass Financial, Inc."] == "Organisation"
        assert rows["Senior Product Manager, Payments"] == "Job title"
        assert rows["transparency"] == "Value" and rows["stakeholder management"] == "Skill or duty"
        # Nothing is saved before confirming.
        assert Profile.open(data_dir).section("target") == {"terms": ["mentoring"]}
        await settle(pilot, lambda: app.focused is dialog.query_one("#keep-0", Checkbox))
        await pilot.press("space")  # drop the organisation: its text greys out and tab skips it
        assert dialog.query_one("#text-0", Input).disabled
        await pilot.press("tab", "tab")  # the title's box, the title's text
        assert app.focused is dialog.query_one("#text-1", Input)
        await pilot.press("end", *" (Payments)")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        screen = app.screen
        assert screen.query_one("#target-role", Input).value == "Senior Product Manager, Payments (Payments)"
        assert screen.query_one("#target-organisation", Input).value == ""
        terms = screen.query_one("#target-terms", Input).value
        assert terms.startswith("mentoring, ") and "stakeholder management" in terms and "transparency" in terms
    target = Profile.open(data_dir).section("target")
    assert target["role"] == "Senior Product Manager, Payments (Payments)"
    assert "organisation" not in target
    assert target["stage"] == "senior"
    assert any(d["term"] == "stakeholder management" and "Excellent stakeholder" in d["sentence"] for d in target["duties"])


async def test_escape_saves_nothing_and_keeps_the_pasted_advert(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app)
        await paste(pilot, app, ADVERT)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: dialog.query("#keep-0"))
        await pilot.press("escape")  # back to the advert
        assert app.focused is dialog.query_one("#advert-text", TextArea)
        await pilot.press("escape")  # and out
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        assert app.screen.query_one("#target-role", Input).value == ""
        await pilot.press("ctrl+o")  # the advert is still there
        await settle(pilot, lambda: isinstance(app.screen, AdvertDialog))
        assert app.screen.query_one("#advert-text", TextArea).text.strip() == ADVERT.strip()
    assert Profile.open(data_dir).section("target") == {}


async def test_not_an_advert_says_why_and_keeps_the_text(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app)
        await paste(pilot, app, "[@click=app.quit]x[/] is too short")
        await pilot.press("ctrl+s")
        error = dialog.query_one("#advert-error")
        await settle(pilot, lambda: "words" in str(error.render()))
        assert isinstance(app.screen, AdvertDialog)
        assert dialog.query_one("#advert-text", TextArea).text == "[@click=app.quit]x[/] is too short"


async def test_markup_in_the_advert_is_shown_literally(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    hostile = ADVERT.replace("Tallgrass Financial, Inc.", "[bold]Tall[/]grass [@click=app.quit]x[/]", 1)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app)
        await paste(pilot, app, hostile)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: dialog.query("#keep-0"))
        assert dialog.query_one("#text-0", Input).value == "[bold]Tall[/]grass [@click=app.quit]x[/]"
        sources = " ".join(str(s.render()) for s in dialog.query(".advert-source"))
        assert "Company: [bold]Tall[/]grass [@click=app.quit]x[/]" in sources
