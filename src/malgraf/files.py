"""Write files atomically: to a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old file or the new, never half."""
    write_files_atomically(path.parent, {path.name: text})


def write_files_atomically(directory: Path, files: Mapping[str, str]) -> None:
    """Write several UTF-8 files into ``directory``: all are written to temp files first, then renamed.

    If writing any of them fails, none is replaced.
    """
    directory.mkdir(parents=True, exist_ok=True)
    temporary: dict[str, str] = {}
    try:
        for name, text in files.items():
            handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
            temporary[name] = temp_name
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            os.chmod(temp_name, 0o666 & ~_umask())
        for name, temp_name in temporary.items():
            os.replace(temp_name, directory / name)
    finally:
        for temp_name in temporary.values():
            Path(temp_name).unlink(missing_ok=True)
