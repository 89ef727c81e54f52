"""How home and help look (baselines in snapshots/test_home_snapshots/)."""

from __future__ import annotations


def test_home_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_home_120x36(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 36))


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["f1"])
