"""The real app in tmux under each kind of terminal a person might SSH in from: 16 colours
(xterm, screen), 256 colours, truecolor and NO_COLOR. Every screen must render readable words and
nothing may crash. The sessions run side by side, one tmux server (socket) each.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = [pytest.mark.hostile, pytest.mark.slow]  # a real terminal or many processes

TERMINALS = {
    "xterm-16": {"TERM": "xterm"},
    "screen": {"TERM": "screen"},
    "xterm-256color": {"TERM": "xterm-256color"},
    "truecolor": {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
    "no-color": {"TERM": "xterm-256color", "NO_COLOR": "1"},
}
# (key to press, words that must then be visible)
VISITS = [
    ("", ["Self-assessment", "Answer builder", "Quit"]),
    ("1", ["Target", "Values"]),
    ("escape", ["Answer builder", "Recovery drill"]),
    ("2", ["Your answer"]),
    ("escape", ["Answer builder", "Recovery drill"]),
    ("3", ["Newly qualified nurse"]),
    ("escape", ["Answer builder", "Recovery drill"]),
    ("4", ["pick a drill"]),
    ("escape", ["Answer builder", "Recovery drill"]),
    ("5", ["Progress"]),
]


def _tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, timeout=20).stdout


def _session(name: str, extra: dict[str, str], exe, base_env: dict[str, str], tmp_path) -> str | None:
    socket = f"goalcoach-hostile-{uuid.uuid4().hex[:8]}"
    env = {**base_env, "GOALCOACH_DATA_DIR": str(tmp_path / f"data-{name}"), **extra}
    env_args = " ".join(f"{k}='{v}'" for k, v in env.items() if k in ("GOALCOACH_DATA_DIR", "HOME", "LANG", "LC_ALL", "PATH"))
    term_args = " ".join(f"{k}='{v}'" for k, v in extra.items())
    command = f"env -u NO_COLOR -u COLORTERM {env_args} {term_args} {exe}; sleep 30"
    try:
        subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "gc", command], check=True, timeout=20, env={**base_env, **extra})
        for key, words in VISITS:
            if key:
                _tmux(socket, "send-keys", "-t", "gc", {"escape": "Escape"}.get(key, key))
            deadline = time.monotonic() + 20
            screen = ""
            while time.monotonic() < deadline:
                screen = _tmux(socket, "capture-pane", "-p", "-t", "gc")
                if all(w in screen for w in words) or "Traceback" in screen:
                    break
                time.sleep(0.2)
            if "Traceback" in screen:
                return f"{name}: crashed after {key!r}:\n{screen}"
            missing = [w for w in words if w not in screen]
            if missing:
                return f"{name}: after {key!r} these words are not visible: {missing}\n{screen}"
        return None
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=20)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_every_screen_renders_readably_in_every_terminal(goalcoach_exe, child_env, tmp_path):
    with ThreadPoolExecutor(max_workers=len(TERMINALS)) as pool:
        results = list(
            pool.map(lambda item: _session(item[0], item[1], goalcoach_exe, child_env, tmp_path), TERMINALS.items())
        )
    failures = [r for r in results if r]
    assert not failures, "\n\n".join(failures)
