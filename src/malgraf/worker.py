"""Run a function in a forked process that can be stopped: on a time limit, on Ctrl-C, or when it crashes.

Oxigraph evaluates a query in native code that neither a time limit nor a signal can interrupt, and
a stack overflow there kills the whole process. In a child process the caller can do both: wait
with a deadline and kill it. The child is forked, so it shares the caller's open store and imported
modules (a fork costs a few milliseconds, ``benchmarks/sparql.py``); its value comes back pickled
through a pipe. POSIX only (``os.fork``). The child has only the forking thread, so the job must
not need another thread of the caller: an on-disk Oxigraph store has idle RocksDB background
threads, which reading the store does not use.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pickle
import select
import signal
import time
import warnings
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_CHUNK = 1 << 20


class TimedOut(Exception):
    """The function ran past its time limit; its process was killed."""


class Crashed(Exception):
    """The process running the function died (a signal, or an exit without an answer)."""


class WorkerError(Exception):
    """The function raised an exception that cannot be passed back as itself."""


def run_in_worker(job: Callable[[], T], timeout: float | None) -> T:
    """``job()`` run in a forked child; its value, or the exception it raised.

    Raises ``TimedOut`` after ``timeout`` seconds (``None``: no limit) and ``Crashed`` when the child
    dies. Whatever happens, including ``KeyboardInterrupt`` while waiting, the child is gone on return.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    read_end, write_end = os.pipe()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # no Ctrl-C until the child is looked after
    try:
        with warnings.catch_warnings():  # Python ≥ 3.12 warns of forking with threads: here RocksDB's, idle
            warnings.filterwarnings("ignore", r"This process .* is multi-threaded", DeprecationWarning)
            pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:
        _child(job, read_end, write_end, timeout, mask)
    status = None
    try:
        os.close(write_end)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a Ctrl-C that came meanwhile is raised here
        data = _read_all(read_end, deadline)
        status = os.waitpid(pid, 0)[1]
    finally:
        os.close(read_end)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        raise Crashed(signal.Signals(os.WTERMSIG(status)).name)
    if not data:
        raise Crashed(f"exit status {os.waitstatus_to_exitcode(status)}")
    kind, value = pickle.loads(data)
    if kind == "raised":
        raise value
    return value  # type: ignore[no-any-return]


def _read_all(fd: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    while True:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimedOut
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _child(job: Callable[[], object], read_end: int, write_end: int, timeout: float | None,
           mask: set[int | signal.Signals]) -> None:
    """Run ``job`` and write its pickled outcome; never returns, never runs the caller's clean-up."""
    code = 1
    try:
        gc.disable()  # a collection would touch, and so copy, every page of objects shared with the caller
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the caller, which stops this process
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(read_end)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)  # a native crash's last words would break the caller's one-line error
        faulthandler.disable()  # and so would the dump of a faulthandler the caller enabled on another file
        if timeout is not None:  # should the caller die first, this process ends itself soon after
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.setitimer(signal.ITIMER_REAL, timeout + 1)
        try:
            outcome: tuple[str, object] = ("value", job())
        except Exception as error:
            outcome = ("raised", error)
        try:
            data = pickle.dumps(outcome)
            pickle.loads(data)
        except Exception as error:
            problem = outcome[1] if outcome[0] == "raised" else error
            data = pickle.dumps(("raised", WorkerError(f"{type(problem).__name__}: {problem}")))
        with open(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)
