"""Reusable widgets: the answer editor, the coach panel, the highlighted answer."""
