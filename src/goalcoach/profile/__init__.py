"""The profile: private, crash-safe storage of one person's preparation. Never imports textual."""

from goalcoach.profile.errors import ProfileError, ProfileWriteError
from goalcoach.profile.repository import Profile, now_iso
from goalcoach.profile.schema import SCHEMA_VERSION

__all__ = ["Profile", "ProfileError", "ProfileWriteError", "SCHEMA_VERSION", "now_iso"]
