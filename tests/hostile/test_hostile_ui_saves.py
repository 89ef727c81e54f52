"""Saves in the app never hold up a key, and a change another session saved reaches the screen.

The other session is a real second process: one holds the profile lock the way a second
goalcoach does while it saves, the other saves a change to the same section.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from goalcoach import paths
from goalcoach.profile import Profile
from goalcoach.screens.assessment import AssessmentScreen
from goalcoach_test_support import fixed_clock, settle

HOLD_LOCK = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.readline()  # released when the test says so
lock.release()
"""



async def test_keys_land_while_another_process_holds_the_lock_and_the_save_completes_when_it_frees(make_app, data_dir):
    app = make_app()
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (told.append(options.get("title") or ""), notify(message, **options))[1]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths.lock_file(data_dir))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.screen.focused is not None)
            role = app.screen.query_one("#target-role", Input)
            await pilot.press(*"Nur")
            # The save of "Nur" starts and waits for the other process's lock ...
            await settle(pilot, lambda: app.saves.busy(), tries=2000)
            # ... while the person keeps typing: every key lands at once.
            await pilot.press(*"se")
            assert role.value == "Nurse"
            assert app.saves.busy() and holder.poll() is None  # the lock is still held elsewhere
            assert "role" not in Profile(data_dir).section("target")  # so nothing is saved yet
            holder.stdin.write("\n")
            holder.stdin.flush()
            # Once the lock frees, the queued saves land, in the order they were made.
            await settle(pilot, lambda: Profile(data_dir).section("target").get("role") == "Nurse", tries=3000)
            await app.wait_for_saves()
            assert "Not saved" not in told
    finally:
        holder.kill()
        holder.wait()


SAVE_ORGANISATION = """
import sys
from goalcoach.profile import Profile
profile = Profile.open(sys.argv[1])
profile.section("target")
profile.update_section("target", organisation="St Mary's")
"""


async def test_a_change_saved_by_another_process_appears_on_the_screen_with_a_notice(make_app, data_dir):
    app = make_app()
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (told.append(str(message)), notify(message, **options))[1]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.screen.focused is not None)
        screen = app.screen
        assert screen.query_one("#target-organisation", Input).value == ""
        # A second goalcoach (another SSH login) saves the organisation ...
        subprocess.run([sys.executable, "-c", SAVE_ORGANISATION, str(data_dir)], check=True, timeout=60)
        # ... while this one types the role and saves it.
        await pilot.press(*"Nurse")
        await settle(
            pilot,
            lambda: app.screen.query("#target-organisation")
            and app.screen.query_one("#target-organisation", Input).value == "St Mary's",
            tries=3000,
        )
        # Both changes are on disk and on screen; the person was told, and keeps typing in place.
        assert Profile(data_dir).section("target") | {} == {"role": "Nurse", "organisation": "St Mary's"}
        assert app.screen.query_one("#target-role", Input).value == "Nurse"
        assert any("Another goalcoach session changed organisation" in message for message in told)
        await settle(pilot, lambda: app.screen.focused is not None and app.screen.focused.id == "target-role")
        await pilot.press("!")
        assert app.screen.query_one("#target-role", Input).value == "Nurse!"


SAVE_SLOT = """
import sys
from goalcoach.profile import Profile
profile = Profile.open(sys.argv[1])
slots = dict(profile.section("builder").get("slots") or {})
slots[sys.argv[2]] = "lead a ward team"
profile.update_section("builder", slots=slots)
"""


async def test_a_builder_slot_saved_by_another_process_appears_in_its_field(make_app, data_dir):
    from goalcoach.screens.builder import BuilderScreen
    from goalcoach.widgets.prose import ProseField

    app = make_app()
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (told.append(str(message)), notify(message, **options))[1]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen) and app.screen.focused is not None)
        screen = app.screen
        first, second = (slot.id for slot in screen.template.slots[:2])
        await pilot.press("ctrl+g")  # the first slot
        await settle(pilot, lambda: screen.focused is not None and screen.focused.id == f"slot-{first}")
        subprocess.run([sys.executable, "-c", SAVE_SLOT, str(data_dir), second], check=True, timeout=60)
        await pilot.press(*"nursing")
        await settle(pilot, lambda: screen.query_one(f"#slot-{second}", ProseField).text == "lead a ward team", tries=3000)
        assert screen.query_one(f"#slot-{first}", ProseField).text.endswith("nursing")
        slots = Profile(data_dir).section("builder")["slots"]
        assert slots[second] == "lead a ward team" and slots[first].endswith("nursing")
        assert any("Another goalcoach session changed the template slots" in message for message in told)


async def test_leaving_never_waits_on_a_lock_held_elsewhere_and_what_was_typed_comes_back(make_app, data_dir):
    from goalcoach.app import GoalCoachApp

    app = make_app()
    app.LEAVE_WAIT = 0.5  # the lock below is held far longer than this
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (told.append(options.get("title") or ""), notify(message, **options))[1]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths.lock_file(data_dir))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.screen.focused is not None)
            await pilot.press(*"Nurse")
            await settle(pilot, lambda: app.saves.busy(), tries=2000)
            await pilot.press("ctrl+q")
            await settle(pilot, lambda: not app.is_running, tries=3000)
        # The app left while the save still waited for the lock: it neither hung until the lock
        # timed out nor reported the save as failed ...
        assert holder.poll() is None and "Not saved" not in told
        assert "role" not in Profile(data_dir).section("target")
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    # ... and the next start has the role, from the journal or from the save that finished late.
    again = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(again.screen, AssessmentScreen) and again.screen.focused is not None)
        assert again.screen.query_one("#target-role", Input).value == "Nurse"


def _save_state(app) -> str:
    from goalcoach.widgets.save_state import SaveState

    return str(app.screen.query_one(SaveState).render())


async def test_the_header_says_saving_while_a_save_waits_then_saved(make_app, data_dir):
    app = make_app()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths.lock_file(data_dir))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.screen.focused is not None)
            assert _save_state(app) == ""  # nothing saved yet in this session
            await pilot.press(*"Nurse")
            await settle(pilot, lambda: _save_state(app) == "saving…", tries=3000)
            holder.stdin.write("\n")
            holder.stdin.flush()
            await settle(pilot, lambda: _save_state(app) == "✓ saved", tries=3000)
            assert Profile(data_dir).section("target").get("role") == "Nurse"
    finally:
        holder.kill()
        holder.wait()


async def test_the_header_says_not_saved_until_a_later_save_of_the_same_text_lands(make_app, data_dir):
    from goalcoach.profile import ProfileWriteError

    app = make_app()
    update = app.profile.update_section
    full = {"disk": True}

    def update_section(*args, **kwargs):
        if full["disk"]:
            raise ProfileWriteError("the disk is full")
        return update(*args, **kwargs)

    app.profile.update_section = update_section
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.screen.focused is not None)
        await pilot.press(*"Nurse")
        await settle(pilot, lambda: _save_state(app) == "not saved", tries=3000)
        full["disk"] = False
        await pilot.press("s")
        await settle(pilot, lambda: _save_state(app) == "✓ saved", tries=3000)
        assert Profile(data_dir).section("target").get("role") == "Nurses"
