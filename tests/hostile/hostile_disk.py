"""A disk that fails only for one directory: ENOSPC (full) or EROFS (read-only) on every write there.

The OS calls goalcoach's storage makes (open for writing, write, fsync, rename, unlink) raise the
error when their target is inside the directory; everything else (Textual, pytest) is untouched.
`allow` lets that many writes through first, for a disk that fills up half-way through a save.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class FailingDisk:
    def __init__(self, monkeypatch, directory: Path, code: int = errno.ENOSPC, allow: int = 0) -> None:
        self.directory = str(Path(directory).resolve())
        self.code = code
        self.allow = allow
        self.failures = 0
        real = {name: getattr(os, name) for name in ("open", "write", "fsync", "replace", "rename", "unlink", "remove")}
        self.real = real

        def inside(path) -> bool:
            try:
                resolved = os.path.realpath(os.fspath(path))
            except TypeError:
                return False
            return resolved == self.directory or resolved.startswith(self.directory + os.sep)

        def fd_inside(fd: int) -> bool:
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                return False
            return inside(target) and not os.path.isdir(target)

        def fail_or(check, name):
            def wrapper(*args, **kwargs):
                if check(*args, **kwargs):
                    if self.allow > 0:
                        self.allow -= 1
                    else:
                        self.failures += 1
                        raise OSError(self.code, os.strerror(self.code), str(args[0]))
                return real[name](*args, **kwargs)

            return wrapper

        # A full disk still opens, renames and deletes files; it fails when data must be stored.
        monkeypatch.setattr(os, "write", fail_or(lambda fd, data: fd_inside(fd), "write"))
        monkeypatch.setattr(os, "fsync", fail_or(lambda fd: fd_inside(fd), "fsync"))
        if code == errno.EROFS:  # a read-only file system refuses every change
            monkeypatch.setattr(os, "open", fail_or(lambda path, flags, *a, **k: bool(flags & _WRITE_FLAGS) and inside(path), "open"))
            monkeypatch.setattr(os, "replace", fail_or(lambda src, dst, **k: inside(dst), "replace"))
            monkeypatch.setattr(os, "rename", fail_or(lambda src, dst, **k: inside(dst), "rename"))
            monkeypatch.setattr(os, "unlink", fail_or(lambda path, **k: inside(path), "unlink"))
            monkeypatch.setattr(os, "remove", fail_or(lambda path, **k: inside(path), "remove"))


def files_of(directory: Path) -> dict[str, bytes]:
    """Every file under the directory and its bytes (to prove nothing changed)."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(Path(directory).rglob("*"))
        if p.is_file() and p.name != ".profile.lock"
    }
