"""Errors the profile raises; each message is one line a person can act on."""


class ProfileError(Exception):
    """The profile cannot be opened (refused, newer schema, unsafe path)."""


class ProfileWriteError(ProfileError):
    """A save failed (disk full, read-only, lock held); the previous data is intact."""
