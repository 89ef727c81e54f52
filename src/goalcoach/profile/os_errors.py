"""One-line reasons for the OS errors a save can meet (a full disk, a read-only directory), for
messages to the person."""

from __future__ import annotations

import errno


def describe(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the data directory is read-only"
    if error.errno == errno.EFBIG:
        return "the file would exceed the size limit (ulimit -f)"
    if error.errno == errno.EDQUOT:
        return "the disk quota is used up"
    return error.strerror or str(error)
