"""Read and write files safely: refuse what is not a regular file; write to a temporary file, then rename.

Every writer (``build``, ``view``, ``import``) goes through ``check_output_path`` and the helpers here,
so an output is either the old file or the complete new one, created with the usual permissions
(``0666 & ~umask``), and a failure is one ``OutputError`` naming the path. Readers of a whole input
file check it with ``check_input_file`` first: a FIFO would block, ``/dev/zero`` never ends.
"""

from __future__ import annotations

import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

from malgraf.errors import InputError, OutputError

_KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
}


def check_output_path(path: Path) -> None:
    """Refuse ``path`` as an output unless it is a regular file or does not exist yet (``OutputError``).

    A symbolic link, directory, device or FIFO is not replaced by a regular file; a path under a
    regular file is refused too. Missing parent folders are fine: the writers make them.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from None
    if stat.S_ISDIR(mode):
        raise OutputError(path, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise OutputError(path, f"is {kind}, not a regular file; refusing to replace it")


def check_input_file(path: Path) -> None:
    """Refuse ``path`` as an input unless it is a regular file, or a symbolic link to one (``InputError``).

    A FIFO would wait for a writer (and the Turtle parser does not let Ctrl-C stop it); a device
    such as ``/dev/zero`` never ends.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    if stat.S_ISDIR(mode):
        raise InputError(path, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        raise InputError(path, f"is {_KINDS.get(stat.S_IFMT(mode), 'a special file')}, not a regular file")


def make_directory(directory: Path, reported: Path | None = None) -> None:
    """Create ``directory`` and its parents if missing; an ``OSError`` becomes ``OutputError`` on ``reported``."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(reported or directory, os.strerror(errno.ENOTDIR)) from None
    except OSError as error:
        raise OutputError(reported or directory, error.strerror or str(error)) from None


def temporary_name(path: Path, suffix: str = ".tmp") -> Path:
    """A fresh hidden name beside ``path``: ``.<name>.<16 hex digits><suffix>``."""
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}{suffix}")


def create_file(path: Path) -> int:
    """Create ``path`` (which must not exist) for writing, mode ``0666 & ~umask``; return its descriptor."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)


class Interrupted(SystemExit):
    """SIGTERM or SIGHUP arrived while a file was being written: exit ``128 + signal`` once the cleanup has run."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(128 + signum)


@contextmanager
def cleanup_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``Interrupted`` inside the block, so ``finally`` clauses remove temp files.

    SIGINT already raises ``KeyboardInterrupt``. Signals that are ignored or handled elsewhere, and
    blocks run outside the main thread, are left alone.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) == signal.SIG_DFL:
            previous[signum] = signal.signal(signum, interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old file or the new, never half."""
    write_files_atomically(path.parent, {path.name: text})


def write_files_atomically(directory: Path, files: Mapping[str, str | bytes]) -> None:
    """Write several files (text as UTF-8, or bytes) into ``directory``: all are written to temp files
    first, then renamed.

    If writing any of them fails, none is replaced and no temp file is left: ``OutputError`` names
    the file and the reason (``No space left on device`` …).
    """
    targets = {name: directory / name for name in files}
    for target in targets.values():
        check_output_path(target)
    make_directory(directory)
    temporary: dict[str, Path] = {}
    current = directory
    with cleanup_on_signals():
        try:
            for name, text in files.items():
                current = targets[name]
                temp = temporary_name(current)
                handle = create_file(temp)
                temporary[name] = temp
                with os.fdopen(handle, "wb") as stream:
                    stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            for name, temp in temporary.items():
                current = targets[name]
                os.replace(temp, current)
        except OSError as error:
            raise OutputError(current, error.strerror or str(error)) from None
        finally:
            for temp in temporary.values():
                with suppress(OSError):
                    temp.unlink(missing_ok=True)
