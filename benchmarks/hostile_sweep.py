"""A hostile sweep of the ``malgraf`` command line: malformed and hostile input to every command and option.

Each case runs the command in a subprocess, ``python -m malgraf`` (what the installed ``malgraf``
runs), so it sees what a user sees, and is judged by what the project promises: no Python traceback,
no internal error (exit 70), the documented exit status (0 an answer, 1 bad input or no data, 2 a
lookup or usage error, 130 Ctrl-C, 141 a closed pipe), a message naming the file / row / field where
there is one, an answer (or error) that is not silent, no control character sent to the terminal,
no temporary file left behind, and a bounded run: past its time limit a case is a hang, over
``SLOW`` seconds it is slow. This is a measurement, not a
test: it prints a table of cases and outcomes and the number of failures by class. The failures it
found and that were fixed have regression tests in ``tests/test_hostile.py``.

Run: ``python benchmarks/hostile_sweep.py [--only WORD] [--verbose]`` (about two minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACEBACK = "Traceback (most recent call last)"
SLOW = 15.0
"""Seconds after which a case counts as slow (the shipped data answers in well under one)."""
EXPECT = {"ok": {0}, "error": {1}, "usage": {2}, "fail": {1, 2}, "any": {0, 1, 2}}


@dataclass
class Case:
    name: str
    args: list[str]
    expect: str = "fail"
    stdin: bytes | None = None
    names: str | None = None
    """Text the stderr must hold (the file, row or field the message is about)."""
    mode: str = "run"
    """run; sigint (Ctrl-C after ``delay`` s); head (the reader closes the pipe after one line)."""
    delay: float = 1.0
    timeout: float = 90.0
    env: dict[str, str] = field(default_factory=dict)
    clean: Path | None = None
    """A folder that must hold no temporary files (``.*.tmp``) afterwards."""


@dataclass
class Outcome:
    case: Case
    code: int | None
    stdout: str
    stderr: str
    seconds: float
    failures: list[str]


def command() -> list[str]:
    """``python -m malgraf``: the entry point the installed ``malgraf`` script calls, from this checkout."""
    return [sys.executable, "-m", "malgraf"]


def run(case: Case, base_env: dict[str, str]) -> Outcome:
    env = {**base_env, **case.env}
    argv = command() + case.args
    started = time.monotonic()
    process = subprocess.Popen(argv, stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
                               start_new_session=True)
    failures: list[str] = []
    stdout = b""
    try:
        if case.mode == "head":
            assert process.stdout is not None
            stdout = process.stdout.readline()
            process.stdout.close()
            _, err = process.communicate(timeout=case.timeout)
        elif case.mode == "sigint":
            time.sleep(case.delay)
            process.send_signal(signal.SIGINT)
            stdout, err = process.communicate(timeout=case.timeout)
        else:
            stdout, err = process.communicate(case.stdin, timeout=case.timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, err = process.communicate()
        code = None
        failures.append("hang")
    seconds = time.monotonic() - started
    out, error = stdout.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    if code is not None:
        if TRACEBACK in error:
            failures.append("traceback")
        if code == 70:
            failures.append("internal")
        # a Ctrl-C that lands after the command is done ends Python with SIGINT itself (-2; 130 in a shell)
        wanted = {"sigint": {130, -2}, "head": {141, 0, 1}}.get(case.mode, EXPECT[case.expect])
        if code not in wanted and "internal" not in failures:
            failures.append("exit")
        if code in (1, 2) and not error.strip() and not out.strip():
            failures.append("silent-error")
        if code == 0 and not out.strip() and not error.strip():
            failures.append("silent-empty")
        if case.names and code != 0 and case.names not in error:
            failures.append("message")
        if case.mode == "sigint" and code == 130 and "Interrupted" not in error:
            failures.append("message")
        if seconds > SLOW and "hang" not in failures:
            failures.append("slow")
        if any(ord(c) < 32 and c not in "\n\t" for c in out + error):
            failures.append("control-chars")
    if case.clean is not None and case.clean.exists():
        left = [p.name for p in case.clean.rglob("*") if p.name.startswith(".") and ".tmp" in p.name]
        if left:
            failures.append("temp-files")
    return Outcome(case, code, out, error, seconds, failures)


# ---------------------------------------------------------------------------------------------------
# Fixtures


CSV_HEADER = ("id,year,section,region,lanskod,name,description,outputs,effects,nyps_id,"
              "source_first_line,source_last_line\n")
CSV_ROW = "2023-1-10-01,2023,1,Blekinge,10,Servicestöd,Stöd.,Besök.,Dialog.,,22,130\n"
LINK_HEADER = "insats_id,kind,statement,goal,level,method,source_first_line,source_last_line\n"
LINK_ROW = "2023-1-10-01,agenda2030,11 Hållbara städer,sdg:11,,marker,118,118\n"


def data_folder(base: Path, name: str, files: dict[str, bytes | str]) -> Path:
    folder = base / "data" / name / "2023"
    folder.mkdir(parents=True)
    for file, content in files.items():
        path = folder / file
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


def csv_cases(base: Path, out: Path) -> list[Case]:
    """``build --data`` and ``validate DIR`` on malformed CSV folders."""
    good = {"insatser.csv": CSV_HEADER + CSV_ROW, "goal_links.csv": LINK_HEADER + LINK_ROW}
    variants: dict[str, tuple[dict[str, bytes | str], str]] = {
        "header-only": ({"insatser.csv": CSV_HEADER}, "insatser.csv"),
        "zero-bytes": ({"insatser.csv": ""}, "insatser.csv"),
        "no-insatser": ({"goal_links.csv": LINK_HEADER + LINK_ROW}, "insatser.csv"),
        "missing-column": ({"insatser.csv": CSV_HEADER.replace("lanskod,", "") + CSV_ROW}, "insatser.csv"),
        "extra-field": ({"insatser.csv": CSV_HEADER + CSV_ROW.rstrip() + ",x\n"}, "insatser.csv:2"),
        "fewer-fields": ({"insatser.csv": CSV_HEADER + "2023-1-10-01,2023,1\n"}, "insatser.csv:2"),
        "latin-1": ({"insatser.csv": (CSV_HEADER + CSV_ROW).encode("latin-1")}, "insatser.csv"),
        "nul-byte": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace("Stöd.", "St\x00d.")}, "insatser.csv"),
        "open-quote": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace("Stöd.", '"Stöd.')}, "insatser.csv"),
        "huge-cell": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace("Stöd.", "x" * 200_000)}, "insatser.csv:2"),
        "year-abc": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",2023,", ",abc,")}, "year"),
        "year-neg": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",2023,", ",-1,")}, "year"),
        "year-other": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",2023,", ",2022,")}, "insatser.csv:2"),
        "section-99": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",1,Blek", ",99,Blek")}, "section"),
        "section-abc": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",1,Blek", ",x,Blek")}, "section"),
        "lanskod-xx": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",10,", ",xx,")}, "lanskod"),
        "lanskod-99": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",10,", ",99,")}, "lanskod"),
        "empty-id": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace("2023-1-10-01,", ",", 1)}, "id"),
        "id-space": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace("2023-1-10-01,", "a b>,", 1)}, "id"),
        "empty-name": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace("Servicestöd", "")}, "insatser.csv"),
        "lines-reversed": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",22,130", ",130,22")}, "line"),
        "line-abc": ({"insatser.csv": CSV_HEADER + CSV_ROW.replace(",22,130", ",x,130")}, "source_first_line"),
        "duplicate-id": ({"insatser.csv": CSV_HEADER + CSV_ROW + CSV_ROW.replace("Dialog.", "Annat.")},
                         "insatser.csv:3"),
        "link-unknown-insats": ({**good, "goal_links.csv": LINK_HEADER + LINK_ROW.replace("2023-1-10-01", "x")},
                                "goal_links.csv:2"),
        "link-bad-goal": ({**good, "goal_links.csv": LINK_HEADER + LINK_ROW.replace("sdg:11", "http://ex.org/a b")},
                          "goal_links.csv:2"),
        "link-bad-kind": ({**good, "goal_links.csv": LINK_HEADER + LINK_ROW.replace("agenda2030", "zzz")},
                          "goal_links.csv:2"),
        "link-bad-method": ({**good, "goal_links.csv": LINK_HEADER + LINK_ROW.replace("marker", "zzz")},
                            "goal_links.csv:2"),
        "link-unknown-prefix": ({**good, "goal_links.csv": LINK_HEADER + LINK_ROW.replace("sdg:11", "zz:11")},
                                "goal_links.csv:2"),
        "link-javascript-iri": ({**good, "goal_links.csv": LINK_HEADER + LINK_ROW.replace("sdg:11", "javascript:x")},
                                "goal_links.csv:2"),
        "crosswalk-bad": ({**good, "crosswalk.csv": "goal,contributes_to,method,note\nsdg:11,,zzz,\n"},
                          "crosswalk.csv:2"),
        "allocation-nan": ({**good, "allocation.csv": "region,lanskod,item,amount_sek,statement,source_line\n"
                                                      "Blekinge,10,totalt,NaN,x,5\n"}, "amount_sek"),
        "source-year-mismatch": ({**good, "source.csv": "id,title,publisher,year,path\ns,T,P,2022,x\n"}, "year"),
        "insatser-is-dir": ({"goal_links.csv": LINK_HEADER}, "insatser.csv"),
    }
    loads = {"header-only", "empty-name"}
    """Folders that load: validate says what is wrong with them (no insatser; an insats without a name)."""
    cases = []
    for name, (files, names) in variants.items():
        folder = data_folder(base, name, files)
        if name == "insatser-is-dir":
            (folder / "insatser.csv").mkdir()
        cases.append(Case(f"build --data {name}", ["build", "--data", str(folder), "--out", str(out)],
                          "ok" if name in loads else "error", names=None if name in loads else names,
                          clean=out.parent))
        cases.append(Case(f"validate {name}", ["validate", str(folder)], "error" if name in loads else "usage",
                          names=None if name in loads else names))
    # a data folder whose insatser.csv is a FIFO (open would block) or /dev/zero (endless)
    fifo_folder = data_folder(base, "fifo", {})
    os.mkfifo(fifo_folder / "insatser.csv")
    cases.append(Case("build --data insatser.csv FIFO", ["build", "--data", str(fifo_folder), "--out", str(out)],
                      "error", names="insatser.csv", timeout=30))
    zero_folder = data_folder(base, "zero", {})
    (zero_folder / "insatser.csv").symlink_to("/dev/zero")
    cases.append(Case("build --data insatser.csv -> /dev/zero", ["build", "--data", str(zero_folder), "--out",
                                                                str(out)], "error", names="insatser.csv", timeout=60))
    empty = base / "data" / "empty" / "2023"
    empty.mkdir(parents=True)
    cases.append(Case("build --data empty folder", ["build", "--data", str(empty), "--out", str(out)], "error",
                      names=str(empty)))
    cases.append(Case("validate empty folder", ["validate", str(empty)], "usage", names=str(empty)))
    return cases


def turtle_files(base: Path) -> dict[str, Path]:
    folder = base / "ttl"
    folder.mkdir()
    texts: dict[str, bytes] = {
        "truncated": b"@prefix mg: <https://w3id.org/malgraf/ontology#> .\n<http://ex.org/a> mg:x ",
        "latin-1": "@prefix mg: <https://w3id.org/malgraf/ontology#> .\n<http://ex.org/a> mg:x \"St\xf6d\" ."
                   .encode("latin-1"),
        "binary": bytes(range(256)) * 4,
        "jsonld": b'{"@id": "http://ex.org/a", "http://ex.org/p": "x"}',
        "nquads": b"<http://ex.org/a> <http://ex.org/p> <http://ex.org/o> <http://ex.org/g> .\n",
        "empty": b"",
        "bad-iri": b"<http://ex.org/a b> <http://ex.org/p> <http://ex.org/o> .\n",
        "relative-iri": b"<a> <p> <o> .\n",
        "fake-insats": (b"@prefix mg: <https://w3id.org/malgraf/ontology#> .\n"
                        b"<http://ex.org/i> a mg:Insats ; mg:year \"abc\" ; mg:name \"\\u001b[2J\" .\n"),
        "deep-list": b"<http://ex.org/a> <http://ex.org/p> " + b"(" * 5000 + b")" * 5000 + b" .\n",
        "cycle": (b"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                  b"@prefix sdg: <http://metadata.un.org/sdg/> .\n@prefix mg: <https://w3id.org/malgraf/ontology#> .\n"
                  b"sdg:1 skos:broader sdg:2 . sdg:2 skos:broader sdg:1 . sdg:3 skos:broader sdg:3 .\n"
                  b"sdg:3 mg:contributesTo sdg:4 . sdg:4 mg:contributesTo sdg:3 .\n"),
        "chain": (b"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                  b"@prefix mg: <https://w3id.org/malgraf/ontology#> .\n"
                  + b"".join(f"<http://ex.org/g{i}> a mg:RusGoal ; skos:broader <http://ex.org/g{i + 1}> ; "
                             f"skos:inScheme <https://w3id.org/malgraf/id/rus/10> .\n".encode() for i in range(300))
                  + b"<http://ex.org/g300> skos:broader <http://metadata.un.org/sdg/8> .\n"),
    }
    paths = {}
    for name, content in texts.items():
        path = folder / f"{name}.ttl"
        path.write_bytes(content)
        paths[name] = path
    unicode_path = folder / "mål med mellanslag ä.ttl"
    unicode_path.write_bytes(texts["nquads"][:-1].replace(b"<http://ex.org/g> ", b"") + b"\n")
    paths["unicode-name"] = unicode_path
    return paths


def damaged_graphs(base: Path, graph: Path) -> dict[str, Path]:
    """Copies of the built graph with their store, damaged in several ways."""
    graphs = {}

    def copy(name: str) -> Path:
        folder = base / "graphs" / name
        folder.mkdir(parents=True)
        target = folder / graph.name
        shutil.copy2(graph, target)
        for store in graph.parent.glob(graph.name + ".oxigraph-*"):
            shutil.copytree(store, folder / store.name, symlinks=True)
        for other in graph.parent.glob(graph.name + ".*"):
            if other.is_file() and not (folder / other.name).exists():
                shutil.copy2(other, folder / other.name)
        return target

    graphs["copy"] = copy("copy")
    no_store = copy("no-store")
    for store in no_store.parent.glob(no_store.name + ".oxigraph-*"):
        shutil.rmtree(store)
    graphs["no-store"] = no_store
    sst = copy("sst-truncated")
    for table in sst.parent.glob(sst.name + ".oxigraph-*/**/*.sst"):
        with open(table, "r+b") as stream:
            stream.truncate(100)
    graphs["sst-truncated"] = sst
    for name, transform in {
        "nq-truncated": lambda text: text[: len(text) // 2],
        "nq-garbage-line": lambda text: text.replace(b"\n", b"\n<<<garbage>>>\n", 1000)[:len(text)],
        "nq-first-line-only": lambda text: text.split(b"\n", 1)[0] + b"\n",
        "nq-zero-bytes": lambda text: b"",
    }.items():
        target = copy(name)
        for store in target.parent.glob(target.name + ".oxigraph-*"):
            shutil.rmtree(store)
        target.write_bytes(transform(graph.read_bytes()))
        graphs[name] = target
    return graphs


def special_paths(base: Path) -> dict[str, Path]:
    folder = base / "special"
    folder.mkdir()
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    link = folder / "link.nq"
    link.symlink_to(folder / "target.nq")
    regular = folder / "regular.txt"
    regular.write_text("x")
    unicode = folder / "mapp med åäö" / "grafen ü.nq"
    return {"fifo": fifo, "symlink": link, "regular": regular, "dir": folder, "unicode": unicode,
            "under-file": regular / "x.nq", "readonly-fs": Path("/proc/malgraf-sweep/x.nq"),
            "proc-file": Path("/proc/version")}


def query_files(base: Path) -> dict[str, Path]:
    folder = base / "queries"
    folder.mkdir()
    texts: dict[str, bytes] = {
        "empty": b"",
        "latin-1": "SELECT ?x { ?x ?p \"St\xf6d\" }".encode("latin-1"),
        "binary": bytes(range(256)),
        "big": b"# " + b"x" * 1_100_000 + b"\nASK {}",
        "syntax": b"SELEKT * { ?s ?p ?o }",
        "deep": b"SELECT * { " + b"{ " * 200 + b"?s ?p ?o " + b"} " * 200 + b"}",
        "deep-parens": b"SELECT (" + b"(" * 500 + b"1" + b")" * 500 + b" AS ?x) {}",
        "insert": b"INSERT DATA { <http://ex.org/a> <http://ex.org/p> 1 }",
        "load": b"LOAD <file:///etc/passwd>",
        "service": b"SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "cross-product": b"SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "escape-literal": b'SELECT ?x { BIND("\\u001b[2J\\u202e" AS ?x) }',
        "formula": b'SELECT ?x { BIND("=cmd|\' /C calc\'!A0" AS ?x) }',
        "ask": b"ASK { ?s a mg:Insats }",
        "describe": b"DESCRIBE sdg:7",
        "construct-empty": b"CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(false) }",
        "select-empty": b"SELECT ?s { ?s ?p ?o FILTER(false) }",
        "unknown-prefix": b"SELECT * { zz:a ?p ?o }",
        "big-string": b'SELECT (STRLEN(CONCAT(' + b",".join([b'"' + b"x" * 1000 + b'"'] * 100) + b')) AS ?n) {}',
        "all-triples": b"SELECT * { ?s ?p ?o }",
    }
    paths = {}
    for name, content in texts.items():
        path = folder / f"{name}.rq"
        path.write_bytes(content)
        paths[name] = path
    return paths


def appendix_files(base: Path) -> dict[str, Path]:
    folder = base / "appendix"
    folder.mkdir()
    source = (ROOT / "data" / "sources" / "tillvaxtverket-tabellbilaga-2023.txt").read_text(encoding="utf-8")
    lines = source.split("\n")
    texts = {
        "empty": b"",
        "binary": bytes(range(256)) * 10,
        "latin-1": source[:20000].encode("latin-1", "replace"),
        "truncated": "\n".join(lines[: len(lines) // 3]).encode(),
        "head": "\n".join(lines[:200]).encode(),
        "not-appendix": b"Hej hopp\nDetta \xc3\xa4r inte bilagan.\n",
        "misspelled": source.replace("\nDalarna", "\nDalarnia", 1).encode(),
        "nul": source.replace("Dalarna", "Dala\x00rna", 1).encode(),
    }
    paths = {}
    for name, content in texts.items():
        path = folder / f"{name}.txt"
        path.write_bytes(content)
        paths[name] = path
    return paths


# ---------------------------------------------------------------------------------------------------
# Cases


GOAL_FILE_FLAWS = {
    "id twice": "mal,mål,,A,rus,,,,\nmal,mål,,B,rus,,,,\n",
    "broader nowhere": "mal,mål,,A,ingenstans,,,,\n",
    "goal under itself": "a,mål,,A,b,,,,\nb,mål,,B,a,,,,\n",
    "wording of no goal": "ingen,,,,,,En formulering,,\n",
    "one wording, two goals": "a,mål,,A,rus,,,,\nb,mål,,B,rus,,,,\nb,,,,,,a,,\n",
    "strategy without kind": "s3,strategi,,S3,,,,,\n",
    "lines not numbers": "a,mål,,A,rus,,,tolv,\n",
    "NUL byte": "a,mål,,A\x00,rus,,,,\n",
    "open quote": 'a,mål,,"A,rus,,,,\n',
}
"""Flaws of a region's goal vocabulary file, each after a header and the RUS row."""


def goal_vocabularies(base: Path) -> dict[str, Path]:
    """One folder per flaw, holding a Blekinge vocabulary with that flaw (and one in Latin-1)."""
    header = "goal,level,notation,label,broader,kind,wording,lines,note\nrus,strategi,,RUS,,rus,,,\n"
    folders = {}
    for name, rows in {**GOAL_FILE_FLAWS, "latin-1": "a,mål,,Ökad,rus,,,,\n"}.items():
        folder = base / "goals" / name.replace(" ", "-").replace(",", "")
        folder.mkdir(parents=True, exist_ok=True)
        text = header + rows
        (folder / "10-blekinge.csv").write_bytes(text.encode("latin-1" if name == "latin-1" else "utf-8"))
        folders[name] = folder
    return folders


def cases(base: Path, graph: Path) -> list[Case]:
    special = special_paths(base)
    out = base / "out" / "g.nq"
    found: list[Case] = [
        Case("no command", [], "any"),
        Case("unknown command", ["nosuch"], "usage"),
        Case("empty command", [""], "usage"),
        Case("--version", ["--version"], "ok"),
        Case("control chars in command", ["\x1b[2J"], "usage"),
    ]
    G = ["--graph", str(graph)]

    # build
    for name in ("fifo", "symlink", "dir", "under-file", "readonly-fs", "proc-file"):
        where = special[name].parent if name == "readonly-fs" else special[name]  # the folder cannot be made
        found.append(Case(f"build --out {name}", ["build", "--out", str(special[name])], "error",
                          names=str(where), timeout=60))
    found += [
        Case("build --out /dev/null", ["build", "--out", "/dev/null"], "error", names="/dev/null"),
        Case("build --out ''", ["build", "--out", ""], "usage"),
        Case("build --out unicode, spaces", ["build", "--out", str(special["unicode"])], "ok"),
        Case("build --data missing", ["build", "--data", str(base / "nope"), "--out", str(out)], "usage",
             names="nope"),
        Case("build --data a file", ["build", "--data", str(special["regular"]), "--out", str(out)], "usage"),
        Case("build --data ''", ["build", "--data", "", "--out", str(out)], "usage"),
        Case("build --data /dev/null", ["build", "--data", "/dev/null", "--out", str(out)], "fail"),
        Case("build --turtle missing", ["build", "--turtle", str(base / "nope.ttl"), "--out", str(out)], "usage"),
        Case("build --turtle a dir", ["build", "--turtle", str(base), "--out", str(out)], "usage"),
        Case("build --turtle FIFO", ["build", "--turtle", str(special["fifo"]), "--out", str(out)], "error",
             names="fifo", timeout=60),
        Case("build --turtle /dev/zero", ["build", "--turtle", "/dev/zero", "--out", str(out)], "error",
             names="/dev/zero", timeout=90),
        Case("build --lang en", ["build", "--lang", "en", "--out", str(out)], "ok"),
        Case("build --lang xx", ["build", "--lang", "xx", "--out", str(out)], "usage"),
        Case("build Ctrl-C", ["build", "--out", str(out)], mode="sigint", delay=0.9, clean=out.parent),
        Case("build Ctrl-C while starting", ["build", "--out", str(out)], mode="sigint", delay=0.1,
             clean=out.parent),
        Case("build | head -1", ["build", "--out", str(out)], mode="head"),
    ]
    for name, path in turtle_files(base).items():
        loads = name in ("empty", "unicode-name", "fake-insats", "deep-list", "cycle", "chain")
        found.append(Case(f"build --turtle {name}", ["build", "--turtle", str(path), "--out", str(out)],
                          "ok" if loads else "error", names=None if loads else path.name, timeout=120))
        found.append(Case(f"validate {name}.ttl", ["validate", str(path)], "fail" if loads else "usage",
                          names=None if loads else path.name, timeout=120))
    found += csv_cases(base, out)

    # graphs: damaged, missing, odd paths
    for command_args in (["info"], ["supports", "sdg:8"]):
        label = command_args[0]
        for name, path in damaged_graphs(base, graph).items() if label == "info" else []:
            expect = "ok" if name in ("copy", "no-store", "sst-truncated") else "error"
            found.append(Case(f"info --graph {name}", [*command_args, "--graph", str(path)], expect,
                              names=None if expect == "ok" else path.name))
        found += [
            Case(f"{label} --graph missing", [*command_args, "--graph", str(base / "nope.nq")], "error",
                 names="nope.nq"),
            Case(f"{label} --graph dir", [*command_args, "--graph", str(base)], "usage"),
            Case(f"{label} --graph /dev/null", [*command_args, "--graph", "/dev/null"], "error", names="/dev/null"),
            Case(f"{label} --graph FIFO", [*command_args, "--graph", str(special["fifo"])], "error", names="fifo",
                 timeout=30),
            Case(f"{label} --graph ''", [*command_args, "--graph", ""], "usage"),
            Case(f"{label} MALGRAF_GRAPH=dir", command_args, "error", env={"MALGRAF_GRAPH": str(base)}),
        ]

    # --year, --region, --lang, --format on the commands that take them
    for label, head in (("info", ["info"]), ("supports", ["supports", "sdg:8"]), ("gaps", ["gaps"]),
                        ("validate", ["validate"])):
        found += [
            Case(f"{label} --year abc", [*head, *G, "--year", "abc"], "usage"),
            Case(f"{label} --year -1", [*head, *G, "--year", "-1"], "error", names="-1"),
            Case(f"{label} --year 99999", [*head, *G, "--year", "99999"], "error", names="99999"),
            Case(f"{label} --year 10**30", [*head, *G, "--year", "1" + "0" * 30], "fail"),
            Case(f"{label} --year 2023", [*head, *G, "--year", "2023"], "ok" if label != "validate" else "error"),
            Case(f"{label} --region ''", [*head, *G, "--region", ""], "usage"),
            Case(f"{label} --region '  '", [*head, *G, "--region", "   "], "usage"),
            Case(f"{label} --region xx", [*head, *G, "--region", "xx"], "usage", names="xx"),
            Case(f"{label} --region ESC", [*head, *G, "--region", "\x1b[2J\u202e"], "usage"),
            Case(f"{label} --region huge", [*head, *G, "--region", "Gotland " * 12000], "usage", timeout=60),
            Case(f"{label} --region Gotland --year 2022", [*head, *G, "--region", "Gotland", "--year", "2022"],
                 "error", names="2022"),
            Case(f"{label} --lang xx", [*head, *G, "--lang", "xx"], "usage"),
            # Uppsala: a region whose report still has insatser that state no goal, so validate exits 1
            Case(f"{label} --lang en", [*head, *G, "--lang", "en", "--region", "03"], "ok" if label != "validate"
                 else "error"),
            Case(f"{label} --format xml", [*head, *G, "--format", "xml"], "usage"),
            Case(f"{label} --format ''", [*head, *G, "--format", ""], "usage"),
        ]
        for fmt in (("csv", "json", "md") if label != "validate" else ("csv", "json")):
            found.append(Case(f"{label} --format {fmt}", [*head, *G, "--format", fmt, "--region", "Uppsala"],
                              "ok" if label != "validate" else "error"))
        found.append(Case(f"{label} | head -1", [*head, *G], mode="head"))

    # supports: goals
    goals = {
        "''": ("", "usage"), "spaces": ("   ", "usage"), "sdg:": ("sdg:", "usage"), "sdg:999": ("sdg:999", "usage"),
        "http://": ("http://", "usage"), "unknown IRI": ("http://example.org/x", "usage"),
        "<script>": ("<script>alert(1)</script>", "usage"), "SPARQL injection": ('"} UNION { ?s ?p ?o } #', "usage"),
        "quote": ('"', "usage"), "regex .*": (".*", "usage"), "paren": ("(", "usage"), "backslash": ("\\", "usage"),
        "ESC and bidi": ("\x1b[31m\u202eenergi", "usage"), "huge": ("energi " * 15000, "usage"),
        "a class": ("mg:Insats", "usage"), "a region IRI": ("https://w3id.org/malgraf/id/region/09", "usage"),
        "an insats id": ("2023-1-10-6205cf", "usage"), "notation 3.4": ("3.4", "ok"), "sdg:3.4": ("sdg:3.4", "ok"),
        "zz:1": ("zz:1", "usage"), "urn": ("urn:x:y", "usage"), "file IRI": ("file:///etc/passwd", "usage"),
        "emoji": ("🌍", "usage"), "RSO1.3 lower": ("rso1.3", "any"),
    }
    for name, (goal, expect) in goals.items():
        found.append(Case(f"supports {name}", ["supports", goal, *G], expect, timeout=60))
    found += [
        Case("supports --section 0", ["supports", "sdg:8", *G, "--section", "0"], "usage"),
        Case("supports --section 8", ["supports", "sdg:8", *G, "--section", "8"], "usage"),
        Case("supports --section abc", ["supports", "sdg:8", *G, "--section", "abc"], "usage"),
        Case("supports --scheme xx", ["supports", "sdg:8", *G, "--scheme", "xx"], "usage"),
        Case("supports sdg:8 --scheme rus", ["supports", "sdg:8", *G, "--scheme", "rus"], "usage"),
        Case("supports empty --format json", ["supports", "sdg:3.4", *G, "--format", "json"], "ok"),
        Case("supports empty --direct --region", ["supports", "sdg:8", *G, "--direct", "--region", "09",
                                                  "--section", "7"], "ok"),
        Case("supports Ctrl-C while starting", ["supports", "sdg:8", *G], mode="sigint", delay=0.1),
        Case("supports Ctrl-C", ["supports", "sdg:8", *G], mode="sigint", delay=0.3),
    ]

    # goals
    for name, (insats, expect) in {
        "''": ("", "usage"), "unknown": ("nosuchinsats", "usage"), "id": ("2023-1-10-6205cf", "ok"),
        "a goal": ("sdg:8", "usage"), "unknown IRI": ("http://x.org/y", "usage"), "regex": (".*", "usage"),
        "ESC": ("\x1b[2J", "usage"), "huge": ("x" * 100_000, "usage"), "injection": ('"} ?s ?p ?o {', "usage"),
    }.items():
        found.append(Case(f"goals {name}", ["goals", insats, *G], expect))
    found += [
        Case("goals --format json", ["goals", "Kraftkommission", *G, "--format", "json"], "ok"),
        Case("goals --format md --lang en", ["goals", "Kraftkommission", *G, "--format", "md", "--lang", "en"], "ok"),
        Case("goals --format xx", ["goals", "Kraftkommission", *G, "--format", "xx"], "usage"),
        Case("goals --lang xx", ["goals", "Kraftkommission", *G, "--lang", "xx"], "usage"),
        Case("goals | head -1", ["goals", "Kraftkommission", *G], mode="head"),
    ]

    # gaps
    found += [
        Case("gaps --scheme xx", ["gaps", *G, "--scheme", "xx"], "usage"),
        Case("gaps --scheme rus", ["gaps", *G, "--scheme", "rus"], "ok"),
        Case("gaps --scheme rus --region", ["gaps", *G, "--scheme", "rus", "--region", "Västerbotten"], "ok"),
        Case("gaps --scheme programmes", ["gaps", *G, "--scheme", "programmes"], "ok"),
    ]

    # sparql
    queries = query_files(base)
    expected = {"ask": "ok", "describe": "ok", "construct-empty": "ok", "select-empty": "ok", "escape-literal": "ok",
                "formula": "ok", "big-string": "ok"}
    for name, path in queries.items():
        if name == "all-triples":
            continue
        args = ["sparql", str(path), *G, "--timeout", "5"]
        found.append(Case(f"sparql {name}", args, expected.get(name, "error"),
                          names=None if name in expected else path.name, timeout=60))
    found += [
        Case("sparql formula --format csv", ["sparql", str(queries["formula"]), *G, "--format", "csv"], "ok"),
        Case("sparql ESC --format json", ["sparql", str(queries["escape-literal"]), *G, "--format", "json"], "ok"),
        Case("sparql missing file", ["sparql", str(base / "nope.rq"), *G], "error", names="nope.rq"),
        Case("sparql dir", ["sparql", str(base), *G], "error", names=str(base)),
        Case("sparql /dev/null", ["sparql", "/dev/null", *G], "error", names="/dev/null"),
        Case("sparql /dev/zero", ["sparql", "/dev/zero", *G], "error", names="/dev/zero", timeout=30),
        Case("sparql FIFO (waits for a writer) Ctrl-C", ["sparql", str(special["fifo"]), *G], mode="sigint",
             delay=1.5, timeout=30),
        Case("sparql '' file", ["sparql", "", *G], "fail"),
        Case("sparql - empty stdin", ["sparql", "-", *G], "error", stdin=b"", names="<stdin>"),
        Case("sparql - binary stdin", ["sparql", "-", *G], "error", stdin=bytes(range(256)), names="<stdin>"),
        Case("sparql --limit -1", ["sparql", str(queries["ask"]), *G, "--limit", "-1"], "usage"),
        Case("sparql --limit abc", ["sparql", str(queries["ask"]), *G, "--limit", "abc"], "usage"),
        Case("sparql --timeout nan", ["sparql", str(queries["ask"]), *G, "--timeout", "nan"], "usage"),
        Case("sparql --timeout inf", ["sparql", str(queries["ask"]), *G, "--timeout", "inf"], "usage"),
        Case("sparql --timeout -1", ["sparql", str(queries["ask"]), *G, "--timeout", "-1"], "usage"),
        Case("sparql --format turtle SELECT", ["sparql", str(queries["select-empty"]), *G, "--format", "turtle"],
             "usage"),
        Case("sparql --format xml", ["sparql", str(queries["ask"]), *G, "--format", "xml"], "usage"),
        Case("sparql --format ntriples DESCRIBE", ["sparql", str(queries["describe"]), *G, "--format", "ntriples"],
             "ok"),
        Case("sparql --lang en", ["sparql", str(queries["ask"]), *G, "--lang", "en"], "ok"),
        Case("sparql --lang xx", ["sparql", str(queries["ask"]), *G, "--lang", "xx"], "usage"),
        Case("sparql Ctrl-C", ["sparql", str(queries["cross-product"]), *G, "--timeout", "0"], mode="sigint",
             delay=2.0),
        Case("sparql --limit 0 | head -1", ["sparql", str(queries["all-triples"]), *G, "--limit", "0"], mode="head"),
    ]

    # a graph whose goal hierarchy and crosswalk run in circles (cycle.ttl)
    cyclic = base / "cyclic" / "g.nq"
    subprocess.run([*command(), "build", "--turtle", str(base / "ttl" / "cycle.ttl"), "--out", str(cyclic)],
                   check=True, capture_output=True)
    C = ["--graph", str(cyclic)]
    found += [
        Case("cyclic: supports sdg:1", ["supports", "sdg:1", *C], "ok"),
        Case("cyclic: supports sdg:3", ["supports", "sdg:3", *C], "ok"),
        Case("cyclic: goals", ["goals", "Kraftkommission", *C], "ok"),
        Case("cyclic: gaps --scheme sdg", ["gaps", "--scheme", "sdg", *C], "ok", timeout=120),
        Case("cyclic: view --goal sdg:1", ["view", "--goal", "sdg:1", *C, "--out", str(base / "cyc.html")], "ok"),
        Case("cyclic: validate", ["validate", *C], "error"),
    ]

    # validate
    validate_data = ROOT / "tests" / "data" / "validate"
    found += [
        Case("validate missing", ["validate", str(base / "nope")], "usage", names="nope"),
        Case("validate /dev/null", ["validate", "/dev/null"], "usage", names="/dev/null"),
        Case("validate FIFO", ["validate", str(special["fifo"])], "usage", names="fifo", timeout=30),
        Case("validate a .txt", ["validate", str(special["regular"])], "usage", names="regular.txt"),
        Case("validate ''", ["validate", ""], "usage"),
        Case("validate PATH --graph", ["validate", str(validate_data / "conforms.ttl"), *G], "usage"),
        Case("validate conforms.ttl", ["validate", str(validate_data / "conforms.ttl")], "ok"),
        Case("validate violates.ttl", ["validate", str(validate_data / "violates.ttl")], "error"),
        Case("validate goals-only.ttl", ["validate", str(validate_data / "goals-only.ttl")], "error"),
        Case("validate --engine xx", ["validate", *G, "--engine", "xx"], "usage"),
        Case("validate --engine shacl small", ["validate", str(validate_data / "violates.ttl"), "--engine", "shacl"],
             "error"),
        Case("validate --format csv", ["validate", str(validate_data / "violates.ttl"), "--format", "csv"], "error"),
        Case("validate Ctrl-C", ["validate", *G], mode="sigint", delay=0.3),
        Case("validate --engine shacl Ctrl-C", ["validate", *G, "--engine", "shacl"], mode="sigint", delay=3.0),
    ]

    # view
    view_out = base / "view" / "v.html"
    for name in ("fifo", "symlink", "dir", "under-file", "readonly-fs", "proc-file"):
        where = special[name].parent if name == "readonly-fs" else special[name]
        found.append(Case(f"view --out {name}", ["view", *G, "--out", str(special[name])], "error",
                          names=str(where)))
    found += [
        Case("view --out /dev/null", ["view", *G, "--out", "/dev/null"], "error", names="/dev/null"),
        Case("view --out ''", ["view", *G, "--out", ""], "usage"),
        Case("view --out unicode", ["view", *G, "--region", "09", "--out", str(base / "v å ü" / "s.html")], "ok"),
        Case("view --goal ''", ["view", *G, "--goal", "", "--out", str(view_out)], "usage"),
        Case("view --goal xx", ["view", *G, "--goal", "xxqq", "--out", str(view_out)], "usage"),
        Case("view --goal ESC", ["view", *G, "--goal", "\x1b[2J", "--out", str(view_out)], "usage"),
        Case("view --insats xx", ["view", *G, "--insats", "xxqq", "--out", str(view_out)], "usage"),
        Case("view --insats ''", ["view", *G, "--insats", "", "--out", str(view_out)], "usage"),
        Case("view --region xx", ["view", *G, "--region", "xx", "--out", str(view_out)], "usage"),
        Case("view --region ''", ["view", *G, "--region", "", "--out", str(view_out)], "usage"),
        Case("view --goal and --region", ["view", *G, "--goal", "sdg:8", "--region", "09", "--out", str(view_out)],
             "usage"),
        Case("view --depth -1", ["view", *G, "--depth", "-1"], "usage"),
        Case("view --depth 7", ["view", *G, "--depth", "7"], "usage"),
        Case("view --depth abc", ["view", *G, "--depth", "abc"], "usage"),
        Case("view --lang xx", ["view", *G, "--lang", "xx"], "usage"),
        Case("view --goal sdg:3.4 (no insatser)", ["view", *G, "--goal", "sdg:3.4", "--out", str(view_out)], "ok"),
        Case("view --graph missing", ["view", "--graph", str(base / "nope.nq"), "--out", str(view_out)], "error",
             names="nope.nq"),
        Case("view Ctrl-C", ["view", *G, "--out", str(view_out)], mode="sigint", delay=1.5, clean=view_out.parent),
    ]

    # import appendix
    import_out = base / "import"
    for name, folder in goal_vocabularies(base).items():
        found.append(Case(f"import appendix --goals {name}", ["import", "appendix", "--goals", str(folder), "--out",
                                                              str(import_out)], "error", names="10-blekinge.csv"))
    for name, path in appendix_files(base).items():
        found.append(Case(f"import appendix {name}", ["import", "appendix", str(path), "--out", str(import_out)],
                          "error", names=path.name, timeout=60, clean=import_out))
    found += [
        Case("import appendix missing", ["import", "appendix", str(base / "nope.txt"), "--out", str(import_out)],
             "fail", names="nope.txt"),
        Case("import appendix dir", ["import", "appendix", str(base), "--out", str(import_out)], "usage"),
        Case("import appendix /dev/null", ["import", "appendix", "/dev/null", "--out", str(import_out)], "error",
             names="/dev/null"),
        Case("import appendix /dev/zero", ["import", "appendix", "/dev/zero", "--out", str(import_out)], "error",
             names="/dev/zero", timeout=60),
        Case("import appendix FIFO", ["import", "appendix", str(special["fifo"]), "--out", str(import_out)], "error",
             names="fifo", timeout=30),
        Case("import appendix ''", ["import", "appendix", "", "--out", str(import_out)], "usage"),
        Case("import appendix --year abc", ["import", "appendix", "--year", "abc", "--out", str(import_out)], "usage"),
        Case("import appendix --year -1", ["import", "appendix", "--year", "-1", "--out", str(import_out)], "fail"),
        Case("import appendix --year 99999", ["import", "appendix", "--year", "99999", "--out", str(import_out)],
             "fail"),
        # the appendix does not state its year, so a wrong --year cannot be told (see the report)
        Case("import appendix --year 2022", ["import", "appendix", "--year", "2022", "--out", str(import_out)],
             "any"),
        Case("import appendix --out ''", ["import", "appendix", "--out", ""], "usage"),
        Case("import appendix --out /dev/null", ["import", "appendix", "--out", "/dev/null"], "error",
             names="/dev/null"),
        Case("import appendix --out a file", ["import", "appendix", "--out", str(special["regular"])], "error",
             names="regular.txt"),
        Case("import appendix --out read-only fs", ["import", "appendix", "--out", "/proc/malgraf-sweep"], "error",
             names="/proc/malgraf-sweep"),
        Case("import appendix --lang en", ["import", "appendix", "--lang", "en", "--out", str(import_out)], "ok"),
        Case("import appendix --goals missing", ["import", "appendix", "--goals", str(base / "nowhere"), "--out",
                                                 str(import_out)], "error", names="nowhere"),
        Case("import appendix --goals a file", ["import", "appendix", "--goals", str(special["regular"]), "--out",
                                                str(import_out)], "usage"),
        Case("import appendix Ctrl-C", ["import", "appendix", "--out", str(import_out)], mode="sigint", delay=1.0,
             clean=import_out),
    ]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only cases whose name holds this text")
    parser.add_argument("--verbose", action="store_true", help="print the stderr of every failing case")
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "MALGRAF_GRAPH"}
    with tempfile.TemporaryDirectory(prefix="malgraf-sweep-") as temp:
        base = Path(temp)
        graph = base / "built" / "malgraf.nq"
        subprocess.run([*command(), "build", "--out", str(graph)], check=True, capture_output=True, env=env)
        env["MALGRAF_GRAPH"] = str(graph)
        selected = [c for c in cases(base, graph) if not options.only or options.only in c.name]
        outcomes = []
        for case in selected:
            outcome = run(case, env)
            outcomes.append(outcome)
            status = ", ".join(outcome.failures) or "ok"
            first = (outcome.stderr.strip().split("\n") or [""])[0][:110]
            print(f"{case.name[:44]:44}  {outcome.code!s:>4}  {outcome.seconds:5.1f}s  {status:18}  {first}",
                  flush=True)
            if options.verbose and outcome.failures:
                print("    " + outcome.stderr.strip()[-1500:].replace("\n", "\n    "))
        # leave the special files writable and removable
        for path in base.rglob("*"):
            if not path.is_symlink() and stat.S_ISDIR(path.lstat().st_mode):
                path.chmod(0o755)
    counts = collections.Counter(f for o in outcomes for f in o.failures)
    failed = sum(1 for o in outcomes if o.failures)
    print(f"\n{len(outcomes)} cases, {failed} failed")
    for name, count in counts.most_common():
        print(f"  {name}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
