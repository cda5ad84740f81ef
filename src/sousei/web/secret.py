"""The production secret key when SOUSEI_SECRET_KEY is not set: generated once into var/.

An office PC running `sousei serve` should not need its operator to invent a key, yet a fixed
key in the source would let anyone forge sessions. The key file is created with mode 0600 and
read back on every start, so sessions survive restarts and every worker signs with one key.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

KEY_FILE_NAME = "secret_key"


def load_or_create(var_dir: Path) -> str:
    """Return the key stored in `var_dir/secret_key`, creating it (0600) on first use."""
    var_dir.mkdir(parents=True, exist_ok=True)
    path = var_dir / KEY_FILE_NAME
    key = secrets.token_urlsafe(64)
    try:
        # O_EXCL: when several workers start at once exactly one writes; the others read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def _read(path: Path) -> str:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(0o600)  # a copied file may have lost its mode; the key must stay private
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 50:
        # A writer that has created but not yet filled the file, or a truncated copy.
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{path} の秘密鍵が短すぎます (50文字以上)。削除して再起動してください")
    return key
