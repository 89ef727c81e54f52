"""Run the real `goalcoach` console script in tmux, the way a person does, and read the screen.

tmux keeps a real terminal screen, so `screen()` is exactly what a person sees (not a stream of
output). Each app gets its own tmux server (a private socket), started and stopped here.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
from pathlib import Path
from typing import Callable, Mapping, Sequence


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxApp:
    def __init__(self, argv: Sequence[str | Path], env: Mapping[str, str], socket: Path, cols: int = 80, rows: int = 24) -> None:
        self.socket = str(socket)
        command = " ".join(shlex.quote(str(a)) for a in argv)
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-x", str(cols), "-y", str(rows), "-s", "goalcoach",
            command, env=dict(env),
        )
        self._tmux("set-option", "-g", "escape-time", "0")

    def _tmux(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        result = subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, env=env, check=False
        )
        if result.returncode != 0 and args[0] not in ("kill-server", "has-session"):
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    # -- reading ---------------------------------------------------------------------------------
    def screen(self, styles: bool = False) -> str:
        """The pane's text; with `styles`, its colours too (focus shows only in colour)."""
        return self._tmux("capture-pane", "-p", *(("-e",) if styles else ()), "-t", "goalcoach")

    def _alive(self) -> bool:
        return subprocess.run(["tmux", "-S", self.socket, "has-session", "-t", "goalcoach"], capture_output=True).returncode == 0

    def wait_until(self, condition: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen() if self._alive() else ""
            if condition(shown):
                return shown
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{shown}")

    def wait_for(self, *words: str, timeout: float = 30.0) -> str:
        return self.wait_until(lambda s: all(w in s for w in words), f"{words!r} on screen", timeout)

    # -- writing ---------------------------------------------------------------------------------
    def keys(self, *keys: str) -> None:
        """tmux key names: Enter, Tab, BTab, Escape, C-n, F1 …"""
        for key in keys:
            self._tmux("send-keys", "-t", "goalcoach", key)
            time.sleep(0.05)

    def step(self, key: str, timeout: float = 30.0) -> None:
        """Press a key that moves focus or changes the screen, and wait until the screen shows it,
        so the next keys land where a person would see them land (a terminal delivers keys
        typed ahead to whatever had focus when they arrived)."""
        before = self.screen(styles=True)
        self.keys(key)
        self.wait_until(lambda _: self.screen(styles=True) != before, f"the screen to change after {key}", timeout)
        self.settle(timeout=timeout)

    def settle(self, quiet: float = 0.3, timeout: float = 30.0) -> str:
        """Wait until the screen has not changed for `quiet` seconds (focus has landed after a
        tab switch, say), and return it."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(styles=True), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen(styles=True)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return self.screen()
        raise AssertionError(f"the screen never settled; it shows:\n{self.screen()}")

    def type_visibly(self, text: str, timeout: float = 30.0) -> None:
        """Type text and wait until its end is on the screen."""
        self.type(text)
        tail = text[-12:]
        self.wait_until(lambda s: tail in s, f"{tail!r} on screen", timeout)

    def type(self, text: str) -> None:
        """Literal text, a few characters at a time as a person types."""
        for start in range(0, len(text), 6):
            self._tmux("send-keys", "-t", "goalcoach", "-l", text[start : start + 6])
            time.sleep(0.02)

    def resize(self, cols: int, rows: int) -> None:
        self._tmux("resize-window", "-t", "goalcoach", "-x", str(cols), "-y", str(rows))

    def wait_exit(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._alive():
            time.sleep(0.1)
        if self._alive():
            raise AssertionError(f"goalcoach did not exit; the screen shows:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")
