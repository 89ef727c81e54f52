"""Headless practice logic: assessment, builder, practice, recovery, timer, progress, transfer. No textual."""
