"""The data directory is private: 0700, files 0600, and unsafe directories are refused."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from goalcoach import paths
from goalcoach.profile import Profile


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_modes_are_private_under_a_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        profile = Profile.open(tmp_path / "data")
        profile.add_attempt({"kind": "practice", "text": "x"})
        profile.save_draft("builder", "draft text")
        profile.backup()
    finally:
        os.umask(old)
    data = tmp_path / "data"
    assert mode(data) == 0o700
    for root, dirs, files in os.walk(data):
        for name in dirs:
            assert mode(os.path.join(root, name)) == 0o700, name
        for name in files:
            assert mode(os.path.join(root, name)) == 0o600, name


def test_a_looser_existing_directory_is_tightened(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o755)
    paths.ensure_data_dir(data)
    assert mode(data) == 0o700


def test_a_directory_writable_by_others_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o777)
    with pytest.raises(paths.DataDirError, match="writable by other users"):
        paths.ensure_data_dir(data)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a directory to another user")
def test_a_directory_owned_by_another_user_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    os.chown(data, 65534, 65534)
    with pytest.raises(paths.DataDirError, match="another user"):
        paths.ensure_data_dir(data)


def test_a_symlinked_data_directory_is_refused(tmp_path):
    real = tmp_path / "elsewhere"
    real.mkdir()
    link = tmp_path / "data"
    link.symlink_to(real)
    with pytest.raises(paths.DataDirError, match="symbolic link"):
        paths.ensure_data_dir(link)


def test_data_dir_option_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GOALCOACH_DATA_DIR", str(tmp_path / "env"))
    assert paths.resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert paths.resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("GOALCOACH_DATA_DIR")
    if sys.platform.startswith("linux"):  # elsewhere the user data directory has other rules
        # Without either, the XDG user data directory, in a folder named after the app.
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
        assert paths.resolve_data_dir(None) == tmp_path / "xdg" / "goalcoach"
