"""Shared fixtures: a private data directory per test, a fixed clock, and deterministic apps.

Snapshot baselines live in the top-level snapshots/<test module>/ folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import pytest_textual_snapshot
from goalcoach_test_support import FIXED_NOW, fixed_clock

SNAPSHOT_ROOT = Path(__file__).resolve().parent.parent / "snapshots"

FIXED_DATETIME = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def _snapshot_dirname(cls, *, test_location) -> str:
    return str(SNAPSHOT_ROOT / test_location.basename)


pytest_textual_snapshot.SVGImageExtension.dirname = classmethod(_snapshot_dirname)

# Tests never run in "over SSH" mode by accident, and never touch the real user data dir.
os.environ.pop("SSH_CONNECTION", None)
# pytest-xdist's workers set COLUMNS and LINES (80x24); a goalcoach started by a test would take
# them over the size of the terminal the test gave it.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GOALCOACH_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("GOALCOACH_CONFIG_DIR", str(tmp_path / "config"))  # never the person's own keymap


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def profile(data_dir):
    from goalcoach.profile import Profile

    return Profile.open(data_dir, clock=fixed_clock)


@pytest.fixture
def make_app(data_dir):
    """make_app(profile=None, **kwargs) -> a GoalCoachApp with no blinking and a fixed clock."""

    def factory(profile: Any = None, **kwargs: Any):
        from goalcoach.app import GoalCoachApp
        from goalcoach.profile import Profile

        kwargs.setdefault("low_bandwidth", True)
        kwargs.setdefault("now", lambda: FIXED_DATETIME)
        return GoalCoachApp(profile or Profile.open(data_dir, clock=fixed_clock), **kwargs)

    return factory


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The package built as a wheel, once per test run (test_wheel and test_supported_pythons share it)."""
    out = tmp_path_factory.mktemp("dist")
    root = SNAPSHOT_ROOT.parent
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(root)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    (path,) = out.glob("goalcoach-*.whl")
    return path


@pytest.fixture
def snap_compare(snap_compare):
    """Snapshots once every queued save has landed, so a slow machine takes the same picture as a
    fast one."""
    import inspect

    def compare(app, *args: Any, run_before=None, **kwargs: Any) -> bool:
        async def settled(pilot) -> None:
            wait = getattr(pilot.app, "wait_for_saves", None)
            if wait is not None:
                # Whether an autosave has run by the time of the picture is a matter of timing, so
                # the pictures show the header's save state empty, like a clock;
                # tests/hostile/test_hostile_ui_saves.py checks what it says.
                pilot.app._update_save_state = pilot.app._show_if_still_saving = lambda: None
                pilot.app.save_state = ""
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            if wait is not None:
                pilot.app.flush_drafts()
                await wait()
                await pilot.pause()

        return snap_compare(app, *args, run_before=settled, **kwargs)

    return compare
