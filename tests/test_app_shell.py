"""The app shell: home, help, back and quit by keys alone; theme remembered; SSH defaults."""

from __future__ import annotations

from goalcoach.app import GoalCoachApp
from goalcoach.profile import Profile
from goalcoach.screens.help import HelpScreen
from goalcoach.screens.home import HomeScreen

from goalcoach_test_support import fixed_clock


async def test_home_help_back_quit_by_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")  # the key that opened help closes it
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1", "ctrl+q")  # quit works from inside help too
    assert app.return_code == 0


async def test_escape_on_home_does_not_leave_home(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_theme_choice_survives_a_restart(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    again = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord"


async def test_an_unknown_saved_theme_falls_back_to_the_default(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.set_setting("theme", "no-such-theme")
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)):
        assert app.theme != "no-such-theme"


async def test_a_quarantined_profile_is_reported_in_the_app(data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / "profile.json").write_text("{broken")
    profile = Profile.open(data_dir, clock=fixed_clock)
    app = GoalCoachApp(profile, low_bandwidth=True)
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (messages.append(message), notify(message, **kw))[1]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert any(str(profile.quarantined) in m for m in messages)


async def test_over_ssh_the_app_starts_in_low_bandwidth_mode(data_dir, monkeypatch):
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock))
    assert app.low_bandwidth is True
    assert app.animation_level == "none"
    monkeypatch.delenv("SSH_CONNECTION")
    local = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock))
    assert local.low_bandwidth is False


async def test_low_bandwidth_setting_overrides_the_ssh_default(data_dir, monkeypatch):
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.set_setting("low_bandwidth", False)
    assert GoalCoachApp(profile).low_bandwidth is False


async def test_too_small_terminal_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#too-small")
        assert notice.display
        assert "larger" in str(notice.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one("#too-small").display


async def test_command_palette_offers_theme_low_bandwidth_export_and_import(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert "Theme" in titles
    assert any(t.startswith("Low-bandwidth mode") for t in titles)
    assert "Export prep sheet (Markdown)" in titles and "Import backup (merge)" in titles


async def test_low_bandwidth_toggle_is_remembered(make_app, data_dir):
    app = make_app(low_bandwidth=None)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.low_bandwidth
        app.toggle_low_bandwidth()
        await pilot.pause()
    from goalcoach.profile import Profile

    assert Profile.open(data_dir).setting("low_bandwidth") is (not before)


async def test_low_bandwidth_mode_steadies_every_text_cursor(make_app):
    from textual.widgets import Input

    app = make_app(low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        field = Input()
        await app.screen.mount(field)
        assert field.cursor_blink is True
        field.focus()
        await pilot.pause()
        assert field.cursor_blink is False


async def test_the_help_footer_names_its_scrolling_keys(make_app):
    from textual.widgets import MarkdownViewer

    from goalcoach_test_support import screen_text, settle

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen) and "Close" in screen_text(app))
        footer = "".join(screen_text(app).splitlines()[-1].split())  # the screenshot's spacing varies
        for shown in ("↑↓Scroll", "pguppgdnPage", "escClose"):
            assert shown in footer, footer
        viewer = app.screen.query_one(MarkdownViewer)
        await pilot.press("pagedown")
        await settle(pilot, lambda: viewer.scroll_y > 0)  # and they do what they say
