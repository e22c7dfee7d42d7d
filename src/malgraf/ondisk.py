"""The built graph on disk: N-Quads, and beside them an Oxigraph store of the same build, safe to share.

For ``build/malgraf.nq`` a build writes

- ``malgraf.nq``: the N-Quads. Its first line is a comment naming the quad count and the on-disk
  store of the same build: ``# malgraf built graph: 39504 quads; on-disk store: malgraf.nq.oxigraph-<id>``.
- ``malgraf.nq.oxigraph-<id>/``: ``store/`` (Oxigraph on RocksDB, opened read-only in milliseconds)
  and ``stamp.json`` (size and modification time of the N-Quads and of every store file at build time).

The store directory is complete before the N-Quads are renamed into place, and that rename is the
only moment the built graph changes: a reader sees the old build or the new one, whole. Readers
hold a shared ``flock`` on the store directory they use; a build removes older store directories
only when it can lock them exclusively, so never one in use. Builds into one folder hold an
exclusive ``flock`` on that folder and so run one at a time.

A store that does not match its stamp, that Oxigraph cannot open, or that holds another number of
quads than the N-Quads' first line says is not used: the N-Quads are read instead (slower) after
one warning on stderr. N-Quads that do not parse, or hold fewer quads
than their first line says, are an ``InputError``. POSIX only (``fcntl``).
"""

from __future__ import annotations

import errno
import fcntl
import glob
import json
import os
import re
import secrets
import shutil
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from malgraf.errors import GraphNotFoundError, InputError, OutputError
from malgraf.files import check_output_path, cleanup_on_signals, create_file, make_directory

STAMP = "stamp.json"
REBUILD = "run `malgraf build` to rebuild it"
_HEADER = "# malgraf built graph: {quads} quads; on-disk store: {store}\n"
_HEADER_PATTERN = re.compile(
    r"# malgraf built graph: (\d+) quads; on-disk store: ([^/\x00\n]+\.oxigraph-[0-9a-f]{16})\r?\n?")
_TOKEN = re.compile(r"[0-9a-f]{16}")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class Header:
    """What the first line of built N-Quads says: how many quads, and the name of their on-disk store."""

    quads: int
    store: str

    def line(self) -> str:
        return _HEADER.format(quads=self.quads, store=self.store)


def read_header(stream: BinaryIO) -> Header | None:
    """The header of built N-Quads (reads the first line), or None for N-Quads that malgraf did not build."""
    match = _HEADER_PATTERN.fullmatch(stream.readline(4096).decode("utf-8", errors="replace"))
    return Header(int(match[1]), match[2]) if match else None


def index_path(path: Path) -> Path | None:
    """The on-disk store that the built graph ``path`` names in its first line (None if none, or unreadable)."""
    try:
        with path.open("rb") as stream:
            header = read_header(stream)
    except OSError:
        return None
    return path.parent / header.store if header else None


# Locks -------------------------------------------------------------------------------------------

_held_builds = threading.local()
_reading: dict[str, int] = {}
"""Store directories this process reads → the descriptor holding their shared lock (till exit)."""


@contextmanager
def build_lock(directory: Path) -> Iterator[None]:
    """Hold the exclusive build lock of ``directory`` (made if missing); waits for other builds there.

    Re-entrant within a thread, so ``ensure_built`` can hold it across check and build.
    """
    make_directory(directory)
    key = os.path.realpath(directory)
    held: set[str] = _held_builds.__dict__.setdefault("keys", set())
    if key in held:
        yield
        return
    try:
        handle = os.open(directory, _OPEN_FLAGS)
    except OSError as error:
        raise OutputError(directory, error.strerror or str(error)) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError as error:
            raise OutputError(directory, f"cannot lock it for the build ({error.strerror})") from None
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
    finally:
        os.close(handle)


def _lock_for_reading(directory: Path) -> str:
    """Take a shared lock on a store directory for the rest of the process; else say why not."""
    key = str(directory)
    if key in _reading:
        return ""
    try:
        handle = os.open(directory, _OPEN_FLAGS | getattr(os, "O_DIRECTORY", 0))
    except FileNotFoundError:
        return "the on-disk store is missing"
    except OSError as error:
        return f"the on-disk store cannot be opened ({error.strerror})"
    try:
        fcntl.flock(handle, fcntl.LOCK_SH)
    except OSError as error:
        os.close(handle)
        return f"the on-disk store cannot be locked ({error.strerror})"
    _reading[key] = handle
    return ""


def _unlock(directory: Path) -> None:
    handle = _reading.pop(str(directory), None)
    if handle is not None:
        os.close(handle)


# Writing -----------------------------------------------------------------------------------------


def write_built(store: ox.Store, path: Path) -> None:
    """Write ``store`` as built N-Quads to ``path`` with its on-disk store; all or nothing.

    An ``OSError`` (full disk, read-only folder …) becomes ``OutputError`` and leaves the old built
    graph as it was; so do exceptions, SIGINT, SIGTERM and SIGHUP: no temporary file stays behind.
    """
    check_output_path(path)
    directory = path.parent
    with build_lock(directory):
        remove_debris(path)
        token = secrets.token_hex(8)
        name = f"{path.name}.oxigraph-{token}"
        final = directory / name
        temp_nquads = path.with_name(f".{path.name}.{token}.tmp")
        temp_store = directory / f".{name}.tmp"
        committed = False
        with cleanup_on_signals():
            try:
                _write_nquads(store, temp_nquads, Header(len(store), name))
                _write_index(temp_nquads, temp_store)
                os.rename(temp_store, final)
                os.replace(temp_nquads, path)
                committed = True
            except OSError as error:
                raise OutputError(path, error.strerror or str(error)) from None
            except RuntimeError as error:
                raise OutputError(path, _first_line(error)) from None
            finally:
                if not committed:
                    _remove(temp_nquads)
                    _remove(temp_store)
                    _remove(final)
        remove_unused_stores(path, keep=name)


def _write_nquads(store: ox.Store, path: Path, header: Header) -> None:
    with os.fdopen(create_file(path), "wb") as stream:
        stream.write(header.line().encode("utf-8"))
        store.dump(output=stream, format=ox.RdfFormat.N_QUADS)


def _write_index(nquads: Path, directory: Path) -> None:
    """Load ``nquads`` into a new on-disk store in ``directory``, and stamp it."""
    os.mkdir(directory, 0o777)
    disk = ox.Store(str(directory / "store"))
    disk.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    disk.flush()
    del disk
    stamp = {"nquads": _file_stamp(nquads.stat()), "files": _store_files(directory / "store")}
    with os.fdopen(create_file(directory / STAMP), "w", encoding="utf-8") as stream:
        json.dump(stamp, stream, indent=1, sort_keys=True)


def _file_stamp(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns]


def _store_files(store: Path) -> dict[str, list[int]]:
    """Size and time of every file of an Oxigraph store but its logs (RocksDB may write those)."""
    return {p.name: _file_stamp(p.stat()) for p in sorted(store.iterdir())
            if p.is_file() and not p.name.startswith("LOG")}


def remove_debris(path: Path) -> None:
    """Remove what interrupted builds of ``path`` left (temp files and folders); call with the build lock."""
    name = re.escape(path.name)
    debris = re.compile(rf"\.{name}\.\w+\.tmp|\.{name}\.oxigraph[.-]\w+(\.tmp)?|{name}\.oxigraph(\.old)?")
    for entry in path.parent.iterdir():
        if debris.fullmatch(entry.name):
            _remove(entry)


def remove_unused_stores(path: Path, keep: str) -> None:
    """Remove the store directories of earlier builds of ``path`` that no process is reading."""
    prefix = f"{path.name}.oxigraph-"
    for entry in path.parent.iterdir():
        if not (entry.name.startswith(prefix) and entry.name != keep and _TOKEN.fullmatch(entry.name[len(prefix):])):
            continue
        try:
            handle = os.open(entry, _OPEN_FLAGS)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            continue
        try:
            _remove(entry)
        finally:
            os.close(handle)


def _remove(path: Path) -> None:
    with suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


# Reading -----------------------------------------------------------------------------------------

_warned: set[str] = set()


def open_built(path: Path) -> ox.Store:
    """The built graph at ``path``: its on-disk store (read-only) when sound, else the N-Quads in memory.

    A missing graph is ``GraphNotFoundError``; one that cannot be read or parsed, ``InputError``.
    """
    for attempt in range(3):
        with _open_nquads(path) as stream:
            try:
                header = read_header(stream)
            except OSError as error:
                raise InputError(path, error.strerror or str(error)) from None
            if header is None:
                return _parse_unstamped(stream, path)
            index = Path(os.path.realpath(path)).parent / header.store
            store, problem = _open_index(index, os.fstat(stream.fileno()), header.quads)
            if store is not None:
                return store
            if attempt < 2 and _replaced(path, stream):
                continue  # a build replaced the graph meanwhile: read the new one
            _warn(index, f"{problem}; reading {path} instead (slower); {REBUILD}")
            return _parse(stream, path, header)
    raise AssertionError("unreachable")


def _parse_unstamped(stream: BinaryIO, path: Path) -> ox.Store:
    """N-Quads without malgraf's first line: from another tool, an older malgraf, or damaged."""
    real = Path(os.path.realpath(path))
    if any(real.parent.glob(f"{glob.escape(real.name)}.oxigraph-*")):
        raise InputError(path, f"its first line does not name its on-disk store as a built graph's does: "
                               f"the file was changed; {REBUILD}")
    store = _parse(stream, path, None)
    if not len(store):
        raise InputError(path, f"holds no quads; {REBUILD}")
    legacy = real.with_name(real.name + ".oxigraph")
    if legacy.is_dir():
        _warn(legacy, f"made by an older malgraf; reading {path} instead (slower); {REBUILD}")
    return store


def _open_nquads(path: Path) -> BinaryIO:
    try:
        handle = os.open(path, _OPEN_FLAGS | os.O_NONBLOCK)
    except FileNotFoundError:
        raise GraphNotFoundError(f"{path}: no built graph here; run `malgraf build` first") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        reason = os.strerror(errno.EISDIR) if stat.S_ISDIR(mode) else "not a regular file"
        raise InputError(path, reason)
    return os.fdopen(handle, "rb")


def _replaced(path: Path, stream: BinaryIO) -> bool:
    try:
        return os.stat(path).st_ino != os.fstat(stream.fileno()).st_ino
    except OSError:
        return False


class _Unusable(Exception):
    """Why an on-disk store cannot be used."""


def _open_index(directory: Path, nquads: os.stat_result, quads: int) -> tuple[ox.Store | None, str]:
    """Open the on-disk store in ``directory`` if it matches its stamp and holds ``quads`` quads.

    Else (None, what is wrong).
    """
    locked_before = str(directory) in _reading
    problem = _lock_for_reading(directory)
    if problem:
        return None, problem
    try:
        _check_stamp(directory, nquads)
        store = ox.Store.read_only(str(directory / "store"))
        found = len(store)
        if found != quads:
            raise _Unusable(f"it holds {found} quads, the N-Quads {quads}")
        return store, ""
    except _Unusable as error:
        problem = str(error)
    except (OSError, RuntimeError) as error:
        problem = f"Oxigraph cannot open it ({_first_line(error)})"
    if not locked_before:
        _unlock(directory)
    return None, f"the on-disk store is damaged: {problem}"


def _check_stamp(directory: Path, nquads: os.stat_result) -> None:
    """Raise ``_Unusable`` unless the stamp matches the N-Quads and every store file it lists."""
    try:
        stamp = json.loads((directory / STAMP).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _Unusable(f"{STAMP} is missing") from None
    except (OSError, ValueError) as error:
        raise _Unusable(f"its stamp is unreadable ({error})") from None
    files = stamp.get("files") if isinstance(stamp, dict) else None
    if not (isinstance(files, dict) and files):
        raise _Unusable("its stamp is unreadable (no store files listed)")
    if stamp.get("nquads") != _file_stamp(nquads):
        raise _Unusable("it was built from other N-Quads (its stamp does not match)")
    for name, expected in files.items():
        if Path(name).name != name:
            raise _Unusable(f"its stamp names {name!r}")
        try:
            actual = _file_stamp(os.stat(directory / "store" / name))
        except FileNotFoundError:
            raise _Unusable(f"store/{name} is missing") from None
        except OSError as error:
            raise _Unusable(f"store/{name}: {error.strerror}") from None
        if actual != expected:
            raise _Unusable(f"store/{name} has changed since the build")


def _parse(stream: BinaryIO, path: Path, header: Header | None) -> ox.Store:
    stream.seek(0)
    store = ox.Store()
    try:
        store.bulk_load(input=stream, format=ox.RdfFormat.N_QUADS)
    except SyntaxError as error:
        raise InputError(path, f"{error.msg}; {REBUILD}", line=error.lineno) from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    if header is not None and len(store) != header.quads:
        raise InputError(path, f"holds {len(store)} quads but its first line says {header.quads}: "
                               f"the file is incomplete or was changed; {REBUILD}")
    return store


def _warn(key: Path, message: str) -> None:
    """Print ``Warning: <key>: <message>`` on stderr, once per process for each key."""
    if str(key) not in _warned:
        _warned.add(str(key))
        print(f"Warning: {key}: {message}", file=sys.stderr)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
