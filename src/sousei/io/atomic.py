"""Replacing a file atomically, with the mode an ordinary `open()` would have given it.

A reader (or a colleague's Excel on a shared folder) never sees half a file: everything is
written to a temporary file beside the target and renamed over it. `tempfile.mkstemp`
creates that file 0600 whatever the umask, which made every report unreadable by the rest
of the office; the temporary file is given 0666 less the umask (0644 under 022) before the
rename, as `open(path, "w")` would.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def current_umask() -> int:
    """The process umask, read without changing it where the system says (Linux /proc);
    elsewhere set-and-restore, which is brief enough for a command-line tool."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def replace_atomically(path: str | Path, suffix: str = "") -> Iterator[Path]:
    """A temporary file next to `path` that replaces it only if the block succeeds."""
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent or ".")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
