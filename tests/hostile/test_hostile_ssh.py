"""Over a real SSH connection: a dropped connection loses nothing typed and leaves nothing running.

A private sshd listens on a free 127.0.0.1 port with a throwaway host key, one authorized key
and its own config file (nothing of the system's configuration is read or changed). Each
repetition connects with `ssh -tt` from a pseudo-terminal, runs goalcoach with its own data
directory, opens the builder and types at a fast typist's pace, and SIGKILLs the ssh client at
a seeded random moment: sometimes at a random instant, sometimes the instant a repaint starts
arriving. Then: goalcoach is gone within 3 seconds, and everything typed more than 0.5 seconds
before the drop is in the profile (after the journal of the dead session is replayed).

Half the repetitions let goalcoach lead its SSH session, the other half run it under a shell.
In a third of them goalcoach itself is SIGKILLed at the moment of the drop, as a host that ends
a session's processes when it closes (or the OOM killer) does: then only what was already on
disk counts, so this is what proves the write-ahead journal.
"""

from __future__ import annotations

import getpass
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from goalcoach.profile import Profile
from goalcoach.profile.journal import recover
from hostile_session import running, seconds_until_gone
from hostile_term import PtyApp

pytestmark = [pytest.mark.hostile, pytest.mark.slow]

REPETITIONS = int(os.environ.get("GOALCOACH_SSH_DROPS", "20"))
PARALLEL = 3  # connections at once: keeps 20 drops near a minute
KEEP_TYPED_BEFORE = 0.5  # seconds: what was typed earlier than this before the drop must be kept
GONE_WITHIN = 3.0
KEY_INTERVAL = 0.06  # about 16 characters a second
SENTENCE = "In three years I want to lead a small data team at a city hospital, "


def _find_sshd() -> str | None:
    for candidate in (shutil.which("sshd"), "/usr/sbin/sshd", "/usr/local/sbin/sshd"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    port: int
    user: str
    client_key: Path


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    sshd_path, ssh, keygen = _find_sshd(), shutil.which("ssh"), shutil.which("ssh-keygen")
    if not (sshd_path and ssh and keygen):
        pytest.skip(
            "openssh-server (sshd, ssh, ssh-keygen) is not installed and could not be: "
            "the real-SSH drop test needs it (.ci/run installs it with apt-get)"
        )
    home = tmp_path_factory.mktemp("sshd")
    os.chmod(home, 0o700)
    for name in ("host_key", "client_key"):
        subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)], check=True)
    authorized = home / "authorized_keys"
    authorized.write_text((home / "client_key.pub").read_text())
    authorized.chmod(0o600)
    user = getpass.getuser()
    port = _free_port()
    config = home / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {home / 'host_key'}",
                f"PidFile {home / 'sshd.pid'}",
                f"AuthorizedKeysFile {authorized}",
                f"AllowUsers {user}",
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "PermitTTY yes",
                "PrintMotd no",
                "PrintLastLog no",
                "UseDNS no",
                "MaxStartups 50",
                "MaxSessions 50",
                "LogLevel ERROR",
                "",
            ]
        )
    )
    if os.geteuid() == 0 and not Path("/run/sshd").is_dir():
        os.makedirs("/run/sshd", mode=0o755)  # sshd's privilege-separation directory (as the package's service would)
    log = open(home / "sshd.log", "wb")
    server = subprocess.Popen([sshd_path, "-D", "-e", "-f", str(config)], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"sshd did not start: {(home / 'sshd.log').read_text()[-2000:]}")
                time.sleep(0.05)
        yield Server(port, user, home / "client_key")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _goalcoach_pids(marker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(marker.encode() == a for a in argv) and any(a.endswith(b"goalcoach") for a in argv[:2]) and running(int(entry.name)):
            pids.append(int(entry.name))
    return pids


def _drop_once(
    server: Server, exe: Path, data_dir: Path, rng: random.Random, leads: bool, at_repaint: bool, killed: bool
) -> str | None:
    """One connection, typed into and dropped; returns what went wrong, or None."""
    remote = f"env LANG=C.UTF-8 LC_ALL=C.UTF-8 {exe} --data-dir {data_dir}"
    remote = f"exec {remote}" if leads else f"{remote}; true"
    argv = [
        shutil.which("ssh") or "ssh", "-tt", "-F", "/dev/null", "-i", str(server.client_key), "-p", str(server.port),
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
        "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", f"{server.user}@127.0.0.1", remote,
    ]  # fmt: skip
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm-256color", "HOME": os.environ.get("HOME", "/root")}
    client = PtyApp(argv, env)
    label = (
        f"{data_dir.name} ({'leads its session' if leads else 'under a shell'}, "
        f"{'mid-repaint' if at_repaint else 'random moment'}{', goalcoach killed too' if killed else ''})"
    )
    sent: list[tuple[float, int]] = []  # (when, characters typed so far)
    full = SENTENCE * 6
    try:
        client.wait_for("Answer builder", timeout=60)
        mark = client.mark()
        client.press("2")
        client.wait_for(["Your answer", "^q Quit"], since=mark, timeout=30)
        time.sleep(0.5)  # a person's pause: the editor takes focus after the first paint
        (pid,) = _goalcoach_pids(str(data_dir)) or (None,)
        if pid is None:
            return f"{label}: no goalcoach process found"
        drop_after = rng.uniform(0.6, 3.0)
        start = time.monotonic()
        seen = client.mark()
        typed = 0
        while typed < len(full):
            step = rng.randint(1, 3)
            client.send(full[typed : typed + step])
            typed += step
            sent.append((time.monotonic(), typed))
            time.sleep(KEY_INTERVAL * step)
            now_mark = client.mark()
            output_arriving, seen = now_mark > seen, now_mark
            if time.monotonic() - start >= drop_after and (output_arriving or not at_repaint):
                break
        dropped = time.monotonic()
        client.signal(signal.SIGKILL)  # the connection dies with the client: no goodbye
        if killed:
            os.kill(pid, signal.SIGKILL)
    except AssertionError as error:
        client.close()
        return f"{label}: {str(error)[:1500]}"
    client.close()
    took = seconds_until_gone(pid, GONE_WITHIN - (time.monotonic() - dropped))
    problems = []
    if took is None:
        problems.append(f"goalcoach was still running {GONE_WITHIN}s after the drop")
        os.kill(pid, signal.SIGKILL)
    profile = Profile.open(data_dir)
    replay = recover(profile)
    if replay.error:
        problems.append(f"the journal could not be replayed: {replay.error}")
    draft = profile.draft("builder")
    saved = draft["text"] if draft else ""
    must_keep = max((n for when, n in sent if when <= dropped - KEEP_TYPED_BEFORE), default=0)
    if not full.startswith(saved):
        problems.append(f"the saved text is not what was typed: {saved[-60:]!r}")
    elif len(saved) < must_keep:
        problems.append(
            f"lost text typed more than {KEEP_TYPED_BEFORE}s before the drop: kept {len(saved)} of the "
            f"{must_keep} characters typed by then (of {typed} in all)"
        )
    if problems:
        journals = sorted(p.name for p in (data_dir / "journal").glob("*")) if (data_dir / "journal").is_dir() else []
        problems.append(f"journal files {journals}; screen ended with {client.text_since(0)[-400:]!r}")
    return f"{label}: " + "; ".join(problems) if problems else None


def test_dropped_ssh_connections_lose_nothing_and_leave_nothing_running(sshd, goalcoach_exe, tmp_path, seed):
    rng = random.Random(seed)
    exe = Path(os.path.abspath(goalcoach_exe))
    plans = [
        (tmp_path / f"drop-{n:02d}", random.Random(rng.random()), n % 2 == 0, n % 4 >= 2, n % 3 == 2)
        for n in range(REPETITIONS)
    ]
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        results = list(pool.map(lambda plan: _drop_once(sshd, exe, *plan), plans))
    failures = [r for r in results if r]
    leftover = [pid for plan in plans for pid in _goalcoach_pids(str(plan[0]))]
    for pid in leftover:
        os.kill(pid, signal.SIGKILL)
    assert not leftover, f"goalcoach processes left running: {leftover}"
    assert not failures, f"{len(failures)} of {REPETITIONS} drops went wrong:\n" + "\n".join(failures)
