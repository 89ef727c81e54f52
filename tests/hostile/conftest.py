"""Shared pieces of the hostile tier: a repeatable seed and a clean environment for child processes.

Every random choice in this tier comes from one seed (GOALCOACH_HOSTILE_SEED, default 20261102)
so a failure can be replayed exactly: the seed is printed in each failing test's header.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

DEFAULT_SEED = 20261102


def hostile_seed() -> int:
    return int(os.environ.get("GOALCOACH_HOSTILE_SEED", DEFAULT_SEED))


def pytest_report_header(config):
    return f"hostile tier seed: {hostile_seed()} (set GOALCOACH_HOSTILE_SEED to replay another)"


@pytest.fixture
def seed() -> int:
    return hostile_seed()


@pytest.fixture
def goalcoach_exe() -> Path:
    """The installed console script, the way a person runs it."""
    exe = Path(sys.executable).with_name("goalcoach")
    assert exe.exists(), f"console script missing at {exe}; install the package (pip install -e .)"
    return exe


@pytest.fixture
def child_env(tmp_path) -> dict[str, str]:
    """An environment for a real goalcoach process: its own data dir, no SSH, a known terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOALCOACH_", "SSH_", "TMUX"))}
    env.pop("NO_COLOR", None)
    env.pop("COLORTERM", None)
    env.update(
        GOALCOACH_DATA_DIR=str(tmp_path / "data"),
        GOALCOACH_CONFIG_DIR=str(tmp_path / "config"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PYTHONUNBUFFERED="1",
        HOME=str(tmp_path / "home"),
    )
    (tmp_path / "home").mkdir(exist_ok=True)
    return env
