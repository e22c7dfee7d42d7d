"""The built graph on disk: damaged stores and N-Quads, concurrent readers and builders, output paths, debris."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

import malgraf
from malgraf import files, ondisk
from malgraf.cli import main
from malgraf.errors import InputError, OutputError
from malgraf.files import check_output_path, write_files_atomically, write_text_atomically
from malgraf.graph import build_store, index_path, open_store, write_store

SOURCE = Path(malgraf.__file__).resolve().parents[1]
MINI = Path(__file__).parent / "data" / "mini"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def copy_built(source: Path, directory: Path) -> Path:
    """A copy of the built graph ``source`` (its N-Quads and on-disk store, file times kept) in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / source.name
    shutil.copy2(source, target)
    index = index_path(source)
    assert index is not None
    shutil.copytree(index, directory / index.name)
    return target


def the_index(graph: Path) -> Path:
    index = index_path(graph)
    assert index is not None and index.is_dir()
    return index


def leftovers(directory: Path) -> list[str]:
    """Names in ``directory`` that are neither a graph nor the store its first line names."""
    keep = {p.name for p in directory.glob("*.nq")}
    keep |= {index.name for p in directory.glob("*.nq") if (index := index_path(p)) is not None}
    return sorted(p.name for p in directory.iterdir() if p.name not in keep)


def python(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    """A Python subprocess that imports this checkout's malgraf."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SOURCE), os.environ.get("PYTHONPATH", "")])}
    env.update(kwargs.pop("env", {}))  # type: ignore[call-overload]
    return subprocess.Popen([sys.executable, *args], env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


@pytest.fixture
def graph(tmp_path: Path, shipped_graph_path: Path) -> Path:
    """A private copy of the shipped built graph, to damage."""
    return copy_built(shipped_graph_path, tmp_path / "build")


@pytest.fixture(scope="module")
def expected_info(shipped_graph_path: Path) -> str:
    result = run("info", "--graph", str(shipped_graph_path), "--format", "csv")
    assert result.exit_code == 0 and not result.stderr
    return result.stdout


# --- a damaged on-disk store: read the N-Quads instead, and say so once ------------------------------


def largest_sst(index: Path) -> Path:
    return max((index / "store").glob("*.sst"), key=lambda p: p.stat().st_size)


def truncate_sst(index: Path) -> None:
    sst = largest_sst(index)
    os.truncate(sst, sst.stat().st_size // 2)


def garble_sst(index: Path) -> None:
    sst = largest_sst(index)
    with sst.open("r+b") as stream:
        stream.seek(sst.stat().st_size // 2)
        stream.write(b"\xff" * 4096)


def empty_manifest(index: Path) -> None:
    next((index / "store").glob("MANIFEST-*")).write_bytes(b"")


def garble_current(index: Path) -> None:
    (index / "store" / "CURRENT").write_text("MANIFEST-999999\n")


def delete_current(index: Path) -> None:
    (index / "store" / "CURRENT").unlink()


def delete_sst(index: Path) -> None:
    largest_sst(index).unlink()


def delete_store(index: Path) -> None:
    shutil.rmtree(index / "store")


def delete_index(index: Path) -> None:
    shutil.rmtree(index)


def index_is_a_file(index: Path) -> None:
    shutil.rmtree(index)
    index.write_text("not a store\n")


def delete_stamp(index: Path) -> None:
    (index / "stamp.json").unlink()


def garble_stamp(index: Path) -> None:
    (index / "stamp.json").write_text('{"nquads": [1, ')


def edit_stamp(index: Path, change: Callable[[dict], object]) -> None:
    stamp = json.loads((index / "stamp.json").read_text())
    change(stamp)
    (index / "stamp.json").write_text(json.dumps(stamp))


def stamp_names_other_nquads(index: Path) -> None:
    edit_stamp(index, lambda stamp: stamp["nquads"].__setitem__(0, stamp["nquads"][0] + 1))


def stamp_lists_a_file_that_is_not_there(index: Path) -> None:
    edit_stamp(index, lambda stamp: stamp["files"].__setitem__("000999.sst", [1, 1]))


def stamp_names_a_path_outside(index: Path) -> None:
    edit_stamp(index, lambda stamp: stamp.__setitem__("files", {"../../malgraf.nq": [1, 1]}))


def stamp_is_a_list(index: Path) -> None:
    (index / "stamp.json").write_text("[]")


def store_swapped_and_stamp_forged(index: Path) -> None:
    """Another (empty) Oxigraph store in its place, and a stamp that vouches for it."""
    shutil.rmtree(index / "store")
    disk = ox.Store(str(index / "store"))
    disk.flush()
    del disk
    files = ondisk._store_files(index / "store")
    edit_stamp(index, lambda stamp: stamp.__setitem__("files", files))


def keeping_file_times(damage: Callable[[Path], None]) -> Callable[[Path], None]:
    """The same damage, with every store file's modification time put back: only Oxigraph can tell."""
    def damage_keeping_times(index: Path) -> None:
        times = {p: p.stat() for p in (index / "store").iterdir()}
        damage(index)
        for path, status in times.items():
            os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    damage_keeping_times.__name__ = f"{damage.__name__}_keeping_file_times"
    return damage_keeping_times


def garble_start(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.write(b"\xff" * min(64, path.stat().st_size))


def garble_manifest(index: Path) -> None:
    garble_start(next((index / "store").glob("MANIFEST-*")))


def garble_every_sst(index: Path) -> None:
    for sst in (index / "store").glob("*.sst"):
        garble_start(sst)


DAMAGE = [truncate_sst, garble_sst, empty_manifest, garble_current, delete_current, delete_sst, delete_store,
          delete_index, index_is_a_file, delete_stamp, garble_stamp, stamp_names_other_nquads,
          stamp_lists_a_file_that_is_not_there, stamp_names_a_path_outside, stamp_is_a_list,
          store_swapped_and_stamp_forged, keeping_file_times(garble_manifest), keeping_file_times(garble_current),
          keeping_file_times(garble_every_sst)]


@pytest.mark.parametrize("damage", DAMAGE, ids=[damage.__name__ for damage in DAMAGE])
def test_a_damaged_store_is_not_used_the_nquads_are_read_instead(
        graph: Path, expected_info: str, damage: Callable[[Path], None]) -> None:
    index = the_index(graph)
    damage(index)
    result = run("info", "--graph", str(graph), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_info
    warning, *more = result.stderr.splitlines()
    assert not more
    assert warning.startswith(f"Warning: {index}: the on-disk store ")
    assert warning.endswith(f"reading {graph} instead (slower); run `malgraf build` to rebuild it")


def test_the_warning_comes_once_per_process(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truncate_sst(the_index(graph))
    assert len(open_store(graph)) == len(open_store(graph)) > 0
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_commands_read_a_damaged_store(graph: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    delete_sst(the_index(graph))
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/malgraf/ontology#Insats> }\n")
    commands = [["info"], ["supports", "sdg:7"], ["goals", "Kraftkommission"], ["sparql", str(query)],
                ["validate", "--summary"],
                ["view", "--goal", "sdg:7", "--depth", "1", "--out", str(tmp_path / "view.html")]]
    warnings = []
    for command in commands:
        given = run(*command, "--graph", str(graph))
        assert given.exit_code in (0, 1) and isinstance(given.exception, SystemExit | None), (command, given.output)
        assert given.stdout, (command, given.output)
        warnings += given.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("Warning: ")  # once per process
    monkeypatch.setenv("MALGRAF_GRAPH", str(graph))  # the default graph: current, so not rebuilt
    default = run("supports", "sdg:7", "--lang", "en")
    assert default.exit_code == 0 and "Built the graph first" not in default.output
    assert default.stdout == run("supports", "sdg:7", "--graph", str(graph), "--lang", "en").stdout


# --- damaged N-Quads: one Error line with file and line, and how to rebuild ----------------------------


def garble_a_line(graph: Path) -> None:
    lines = graph.read_bytes().splitlines(keepends=True)
    lines[1000] = b"<https://example.org/a> this is not N-Quads .\n"
    graph.write_bytes(b"".join(lines))


def truncate_in_a_line(graph: Path) -> None:
    os.truncate(graph, graph.stat().st_size // 2)


def truncate_at_a_line_end(graph: Path) -> None:
    text = graph.read_bytes()
    graph.write_bytes(text[: text.index(b"\n", len(text) // 2) + 1])


def drop_the_first_line(graph: Path) -> None:
    graph.write_bytes(graph.read_bytes().split(b"\n", 1)[1])


def make_empty(graph: Path) -> None:
    graph.write_bytes(b"")


def binary_garbage(graph: Path) -> None:
    graph.write_bytes(bytes(range(256)) * 64)


@pytest.mark.parametrize(("damage", "where"), [
    (garble_a_line, ":1001: "), (truncate_in_a_line, ":"), (binary_garbage, ":"), (truncate_at_a_line_end, ": "),
    (make_empty, ": "),
])
@pytest.mark.parametrize("store", ["intact", "deleted"])
def test_damaged_nquads_are_an_error_naming_file_and_line(
        graph: Path, damage: Callable[[Path], None], where: str, store: str) -> None:
    if store == "deleted":
        delete_index(the_index(graph))
    damage(graph)
    result = run("info", "--graph", str(graph))
    assert result.exit_code == 1
    *warnings, error = result.stderr.splitlines()
    assert len(warnings) <= 1 and not result.stdout
    assert error.startswith(f"Error: {graph}{where}") and error.endswith("; run `malgraf build` to rebuild it")


def test_nquads_without_their_first_line_are_an_error_while_their_store_is_there(graph: Path) -> None:
    quads = len(open_store(graph))
    drop_the_first_line(graph)
    with pytest.raises(InputError, match="its first line does not name its on-disk store"):
        open_store(graph)
    delete_index(the_index_of_copy := graph.parent / next(p.name for p in graph.parent.glob("*.oxigraph-*")))
    assert not the_index_of_copy.exists()
    assert len(open_store(graph)) == quads  # then they are N-Quads like any other, and whole


def test_nquads_from_elsewhere_are_read_without_a_store(tmp_path: Path) -> None:
    graph = tmp_path / "other.nq"
    graph.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n")
    assert len(open_store(graph)) == 1


def test_a_graph_of_an_older_malgraf_is_read_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "malgraf.nq"
    graph.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n")
    (tmp_path / "malgraf.nq.oxigraph").mkdir()
    assert len(open_store(graph)) == 1
    assert capsys.readouterr().err.startswith(f"Warning: {graph}.oxigraph: made by an older malgraf")


# --- a graph path that is not a readable file --------------------------------------------------------


def test_graph_path_kinds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder.nq"
    folder.mkdir()
    fifo = tmp_path / "fifo.nq"
    os.mkfifo(fifo)
    regular = tmp_path / "regular"
    regular.write_text("x")
    for path, expected in [(fifo, "not a regular file"), (regular / "malgraf.nq", "Not a directory"),
                           (tmp_path / "missing.nq", "no built graph here; run `malgraf build` first")]:
        result = run("info", "--graph", str(path))  # a graph named by --graph is read, never built
        assert (result.exit_code, result.output) == (1, f"Error: {path}: {expected}\n")
    for path, expected in [(folder, "Is a directory"), (fifo, "is a FIFO, not a regular file; refusing to replace it"),
                           (regular / "malgraf.nq", "Not a directory")]:
        monkeypatch.setenv("MALGRAF_GRAPH", str(path))  # the default graph, built when missing or stale
        result = run("info")
        assert (result.exit_code, result.output) == (1, f"Error: {path}: {expected}\n")


def test_an_unreadable_graph_is_one_error_line(graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def open_refusing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
        if Path(path) == graph:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_refusing)
    result = run("info", "--graph", str(graph))
    assert (result.exit_code, result.output) == (1, f"Error: {graph}: Permission denied\n")


# --- concurrent readers and builders ------------------------------------------------------------------


def test_twenty_readers_of_a_stale_default_graph_rebuild_it_once_and_agree(
        graph: Path, shipped_graph_path: Path) -> None:
    os.utime(graph, ns=(0, 0))  # older than every input: the first command to look rebuilds it
    command = ["-m", "malgraf", "supports", "sdg:7", "--format", "csv", "--lang", "en"]
    readers = [python(*command, env={"MALGRAF_GRAPH": str(graph)}) for _ in range(20)]
    outcomes = [(*reader.communicate(timeout=300), reader.returncode) for reader in readers]
    expected = run(*command[2:], "--graph", str(shipped_graph_path)).stdout
    assert [code for _, _, code in outcomes] == [0] * 20, [err for _, err, _ in outcomes]
    assert {out for out, _, _ in outcomes} == {expected}
    assert sorted(err for _, err, _ in outcomes) == [""] * 19 + [f"Built the graph first: {graph}\n"]
    assert graph.stat().st_mtime_ns > 0 and leftovers(graph.parent) == []


def test_concurrent_builds_of_one_graph_take_turns(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    builders = [python("-m", "malgraf", "build", "--data", str(MINI), "--out", str(out)) for _ in range(3)]
    errors = [builder.communicate(timeout=300)[1] for builder in builders]
    assert [builder.returncode for builder in builders] == [0, 0, 0], errors
    assert leftovers(tmp_path) == []
    assert len(open_store(out)) == int(out.read_text().split()[4])


def test_a_store_in_use_survives_a_rebuild_and_an_unused_one_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    reference = build_store()
    write_store(reference, out)
    first = the_index(out)
    write_store(reference, out)
    second = the_index(out)
    assert not first.exists() and second.is_dir()  # nobody read the first: gone
    reader = open_store(out)
    write_store(reference, out)
    assert second.is_dir() and the_index(out) != second  # read here: kept, and still whole
    assert len(reader) == len(open_store(out)) == len(reference)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["graph.nq", second.name, the_index(out).name])


# --- permissions ----------------------------------------------------------------------------------------


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        out = tmp_path / "graph.nq"
        assert run("build", "--data", str(MINI), "--out", str(out)).exit_code == 0
        view = tmp_path / "view.html"
        assert run("view", "--graph", str(out), "--goal", "sdg:8", "--depth", "0", "--out", str(view)).exit_code == 0
        write_files_atomically(tmp_path / "csv", {"a.csv": "a\n"})
    finally:
        os.umask(previous)
    index = the_index(out)
    for path in (out, index / "stamp.json", view, tmp_path / "csv" / "a.csv"):
        assert oct(path.stat().st_mode & 0o777) == oct(0o640), path
    assert oct(index.stat().st_mode & 0o777) == oct(0o750)


# --- interrupted builds leave nothing behind -------------------------------------------------------------

KILLED_MID_BUILD = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell's background job starts with Ctrl-C ignored
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # and a parent may have it blocked, which exec keeps
from malgraf import ondisk
from malgraf.cli import main

write_index = ondisk._write_index

def write_index_then_wait(nquads, directory):
    write_index(nquads, directory)
    print("ready", flush=True)
    time.sleep(120)

ondisk._write_index = write_index_then_wait
main(["build", "--data", sys.argv[1], "--out", sys.argv[2]])
"""


def start_build_that_waits(out: Path) -> subprocess.Popen[str]:
    """A ``malgraf build`` that stops, temp files written, once its on-disk store is built."""
    builder = python("-c", KILLED_MID_BUILD, str(MINI), str(out))
    assert builder.stdout is not None and builder.stdout.readline() == "ready\n"
    assert [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
    return builder


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_build_killed_midway_leaves_no_debris_and_the_old_graph_intact(
        tmp_path: Path, signum: signal.Signals) -> None:
    out = tmp_path / "graph.nq"
    assert run("build", "--data", str(MINI), "--out", str(out)).exit_code == 0
    before = out.read_bytes()
    builder = start_build_that_waits(out)
    builder.send_signal(signum)
    code = builder.wait(timeout=60)
    _, err = builder.communicate()
    assert code != 0 and (signum == signal.SIGINT or "Traceback" not in err), err
    assert leftovers(tmp_path) == [] and out.read_bytes() == before
    assert len(open_store(out)) > 0


def test_debris_of_a_crashed_build_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    builder = start_build_that_waits(out)
    builder.kill()
    builder.wait(timeout=60)
    builder.communicate()
    assert leftovers(tmp_path)
    legacy = [".graph.nq.ab12cd_x.tmp", ".graph.nq.oxigraph.ab12cd_x", "graph.nq.oxigraph", "graph.nq.oxigraph.old"]
    for name in legacy:  # what builds before the versioned stores left
        (tmp_path / name).mkdir()
    others = ["notes.txt", ".view.html.0123456789abcdef.tmp", "other.nq.oxigraph-0123456789abcdef"]
    for name in others:
        (tmp_path / name).write_text("keep")
    write_store(build_store(), out)
    assert leftovers(tmp_path) == sorted(others)


@pytest.mark.parametrize("step", ["_write_nquads", "_write_index", "os.replace"])
def test_an_exception_midway_leaves_no_debris_and_the_old_graph_intact(
        graph: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    before, index = graph.read_bytes(), the_index(graph)

    def fail(*args: object) -> None:
        raise ValueError("injected")

    monkeypatch.setattr(os if step == "os.replace" else ondisk, step.removeprefix("os."), fail)
    with pytest.raises(ValueError, match="injected"):
        write_store(build_store(), graph)
    monkeypatch.undo()
    assert leftovers(graph.parent) == [] and graph.read_bytes() == before and the_index(graph) == index
    assert len(open_store(graph)) > 0


# --- output paths that cannot be written -----------------------------------------------------------------


def make_symlink(path: Path) -> None:
    target = path.with_name("target")
    target.write_text("target\n")
    path.symlink_to(target)


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_directory(path: Path) -> None:
    path.mkdir()


TARGETS = {
    "device": (lambda path: None, "is a character device, not a regular file; refusing to replace it"),
    "fifo": (make_fifo, "is a FIFO, not a regular file; refusing to replace it"),
    "symlink": (make_symlink, "is a symbolic link, not a regular file; refusing to replace it"),
    "directory": (make_directory, "Is a directory"),
}


def target_path(tmp_path: Path, kind: str) -> Path:
    if kind == "device":
        return Path(os.devnull)
    path = tmp_path / "out"
    TARGETS[kind][0](path)
    return path


def describe(path: Path) -> tuple[bool, bool, bool]:
    return path.is_symlink(), path.is_dir(), path.is_file()


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("command", [
    ["build", "--data", str(MINI)], ["view", "--goal", "sdg:8", "--depth", "0"]])
def test_an_output_that_is_not_a_regular_file_is_refused(
        tmp_path: Path, shipped_graph_path: Path, command: list[str], kind: str) -> None:
    out = target_path(tmp_path, kind)
    before = describe(out)
    graph = ["--graph", str(shipped_graph_path)] if command[0] == "view" else []
    result = run(*command, *graph, "--out", str(out))
    assert (result.exit_code, result.output) == (1, f"Error: {out}: {TARGETS[kind][1]}\n")
    assert describe(out) == before and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"out", "target"} & {p.name for p in tmp_path.iterdir()})


@pytest.mark.parametrize("kind", TARGETS)
def test_import_refuses_a_csv_target_that_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    out = target_path(tmp_path, kind)
    with pytest.raises(OutputError) as error:
        write_files_atomically(out.parent, {out.name: "text\n", "other.csv": "text\n"})
    assert str(error.value) == f"{out}: {TARGETS[kind][1]}"
    assert not (out.parent / "other.csv").exists()


def test_import_into_a_folder_that_is_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "answers.csv").symlink_to(tmp_path / "elsewhere.csv")
    result = run("import", "appendix", "--out", str(tmp_path / "link"))
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path / 'link' / 'answers.csv'}: {TARGETS['symlink'][1]}\n")
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["answers.csv"]


def test_an_output_under_a_regular_file_is_refused(tmp_path: Path) -> None:
    regular = tmp_path / "regular"
    regular.write_text("x")
    for command in (["build", "--data", str(MINI), "--out", str(regular / "graph.nq")],
                    ["import", "appendix", "--out", str(regular)]):
        result = run(*command)
        assert result.exit_code == 1 and result.output.endswith(": Not a directory\n"), result.output
        assert result.output.startswith(f"Error: {regular}")
    assert regular.read_text() == "x"


def test_missing_parent_folders_of_an_output_are_made(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "graph.nq"
    write_store(build_store(), out)
    write_text_atomically(tmp_path / "c" / "d" / "view.html", "<html>\n")
    assert out.is_file() and (tmp_path / "c" / "d" / "view.html").is_file()


def open_full_device(path: Path) -> int:
    """Stands in for ``files.create_file``: every write fails as on a full disk (ENOSPC)."""
    return os.open("/dev/full", os.O_WRONLY)


def refuse(number: int) -> Callable[[Path], int]:
    def create(path: Path) -> int:
        raise OSError(number, os.strerror(number), str(path))
    return create


@pytest.mark.parametrize(("create", "reason"), [
    (open_full_device, "No space left on device"),
    (refuse(errno.EACCES), "Permission denied"),
    (refuse(errno.EROFS), "Read-only file system"),
    (refuse(errno.EDQUOT), "Disk quota exceeded"),
])
@pytest.mark.parametrize("writer", ["build", "view", "import"])
def test_an_output_that_cannot_be_written_is_one_error_and_the_old_file_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, create: Callable[[Path], int], reason: str,
        writer: str) -> None:
    target = tmp_path / {"build": "graph.nq", "view": "view.html", "import": "insatser.csv"}[writer]
    if writer == "build":
        write_store(build_store(), target)
    else:
        target.write_text("old\n")
    before = sorted(tmp_path.iterdir()), target.read_bytes()
    monkeypatch.setattr(files, "create_file", create)
    monkeypatch.setattr(ondisk, "create_file", create)
    with pytest.raises(OutputError) as error:
        if writer == "build":
            write_store(build_store(), target)
        elif writer == "view":
            write_text_atomically(target, "<html>new</html>\n")
        else:
            write_files_atomically(tmp_path, {"insatser.csv": "new\n", "goal_links.csv": "new\n"})
    assert str(error.value) == f"{target}: {reason}"
    assert (sorted(tmp_path.iterdir()), target.read_bytes()) == before


def test_a_write_error_is_one_error_line_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.nq"
    monkeypatch.setattr(ondisk, "create_file", open_full_device)
    result = run("build", "--data", str(MINI), "--out", str(out))
    assert (result.exit_code, result.output.splitlines()) == (1, [f"Error: {out}: No space left on device"])
    assert list(tmp_path.iterdir()) == []


def test_check_output_path_accepts_a_new_or_regular_file(tmp_path: Path) -> None:
    check_output_path(tmp_path / "new.nq")
    (tmp_path / "old.nq").write_text("old")
    check_output_path(tmp_path / "old.nq")
    check_output_path(tmp_path / "missing" / "folder" / "new.nq")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.nq"]


def test_reading_a_graph_whose_nquads_cannot_be_parsed_is_an_input_error(tmp_path: Path) -> None:
    graph = tmp_path / "graph.nq"
    graph.write_text('<http://example.org/a> <http://example.org/b> "open .\n')
    with pytest.raises(InputError) as error:
        open_store(graph)
    assert error.value.line == 1 and error.value.path == str(graph)
