"""Keyboard journeys in a real terminal (tmux) at 80×24: slow, so marked `slow`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tmux_term import TmuxApp, tmux_available


@pytest.fixture
def start_app(tmp_path):
    """start_app() -> a TmuxApp running `goalcoach` on this test's own data dir (80×24)."""
    if not tmux_available():
        pytest.skip("tmux is not installed")
    exe = Path(sys.executable).with_name("goalcoach")
    assert exe.exists(), f"console script missing at {exe}; install the package (pip install -e .)"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOALCOACH_", "SSH_", "TMUX"))}
    # SSH_CONNECTION: low-bandwidth mode, as over SSH: no cursor blink, so the screen changes
    # only when something happens.
    env.update(SSH_CONNECTION="10.0.0.1 50000 10.0.0.2 22", GOALCOACH_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               HOME=str(tmp_path / "home"))
    (tmp_path / "home").mkdir(exist_ok=True)
    apps: list[TmuxApp] = []

    def start(cols: int = 80, rows: int = 24) -> TmuxApp:
        app = TmuxApp([exe], env, tmp_path / f"tmux-{len(apps)}.sock", cols, rows)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()
