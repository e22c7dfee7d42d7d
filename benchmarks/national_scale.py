"""National scale, measured: 10 000, 100 000 and 1 000 000 synthetic insatser on each engine.

For each size the synthetic tables (``benchmarks/synthetic.py``, the insatser spread over the years
2014–2023, one data folder per year, all 21 regions) are built as ``malgraf build`` builds them:
reference vocabularies, data, and the closure (``mg:reaches``) materialised at build time. Then the
same calls, through the one store interface (``GraphStore``), run on three engines:

- memory: Oxigraph in this process, the store ``build_store`` made, in memory (as a long-running
  process such as a web app would hold it);
- disk: Oxigraph's on-disk store of the built graph, as ``malgraf``'s commands open it
  (``open_store``), in a process that never held the store in memory;
- virtuoso: a throwaway Virtuoso Open Source 7 (``tests/virtuoso.py``), filled by ``malgraf.store.push``
  from the built graph written to a file (each graph uploaded in requests of ``push.CHUNK_TRIPLES``
  triples: one large ``PUT`` hangs Virtuoso), read as a ``RemoteStore``.

Measured per size and engine: the load (memory: ``build_store`` with the closure; disk: writing the
built graph, N-Quads and on-disk store; virtuoso: the push), peak memory (memory: the peak RSS of a
process that builds and queries only that size; disk: the process's peak RSS from opening the store
on, ``VmHWM`` reset first; virtuoso: the server's ``VmHWM``), and the median wall time (one warm-up,
then ``--repeat`` calls) of

- ``supports`` for the SDG target or RUS goal whose supporter count is nearest 1 000;
- ``gaps`` of the SDG scheme for one region (Blekinge);
- the validation fast path, ``check_sparql`` over every rule;
- the national roll-up, ``queries/rollup_national.rq``: insatser per goal of the national strategy.

At the smallest size (≤ 10 000) the roll-up is checked against an independent count (the distinct
insatser of ``supports`` for each goal of the scheme), and in memory ``supports.rq`` is
timed with the union default graph against naming every graph (``default_graph=[…]``).

Each size runs in a child process, so that the peak RSS is that size's; the server starts after the
child has ended, with memory for the size (``VIRTUOSO_MEMORY``). On 2 cores 10 000 takes
about 2.5 minutes and 100 000 about 13; 1 000 000 takes over an hour (the build alone 17 minutes, writing
the built graph 17 more) and 17 GB of memory. ``--keep DIR`` keeps each size's built graph, and
``--built GRAPH`` measures the engines again on one, without building it.

Run: ``python benchmarks/national_scale.py [SIZES…] [--engine memory|disk|virtuoso|embedded|all]
[--repeat N] [--keep DIR | --built GRAPH]`` (default 10000 100000 1000000, all engines; ``embedded`` is
memory and disk; virtuoso needs Debian's ``virtuoso-opensource``). With ``--built`` the memory engine
loads the N-Quads (``bulk_load``): its load figure is that, not a build.
"""

from __future__ import annotations

import argparse
import configparser
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from malgraf.closure import materialise_closure
from malgraf.graph import build_store, open_graph_store, open_store, write_store
from malgraf.importers.tables import year_triples
from malgraf.namespaces import REGION, RUS, SDG
from malgraf.query import gaps, supports
from malgraf.resources import SHAPES_FILE, load_query
from malgraf.store import EmbeddedStore, GraphStore
from malgraf.store.bind import with_values
from malgraf.store.endpoint import EndpointError, Login, SparqlEndpoint
from malgraf.store.push import push
from malgraf.store.remote import CATALOG_GRAPH, RemoteStore, catalog_triples
from malgraf.validate.engines import check_sparql
from malgraf.validate.rules import Rule, load_shapes, rules

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from synthetic import SDG_TARGETS, Rates, rus_goal, write_years  # noqa: E402
from virtuoso import Virtuoso, find_virtuoso, start_virtuoso  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
YEARS = range(2014, 2024)
TARGET_SUPPORTERS = 1_000
SDG_SCHEME = URIRef("http://metadata.un.org/sdg")
GAPS_REGION = REGION["10"]
"""Blekinge: gaps are asked for one region."""
BUDGET_S = 30.0
"""Seconds of timed calls each measure may take after its warm-up."""
ENGINES = {"memory": ("memory",), "disk": ("disk",), "virtuoso": ("virtuoso",),
           "embedded": ("memory", "disk"), "all": ("memory", "disk", "virtuoso")}
"""What ``--engine`` names: the engines measured."""
CHECK_UP_TO = 10_000
"""Sizes up to this check the roll-up against an independent count and time the union default graph."""
VIRTUOSO_MEMORY = ((20_000, "", {}),
                   (200_000, "2 GB", {("Parameters", "NumberOfBuffers"): "170000",
                                      ("Parameters", "MaxDirtyBuffers"): "130000"}),
                   (sys.maxsize, "8 GB", {("Parameters", "NumberOfBuffers"): "680000",
                                          ("Parameters", "MaxDirtyBuffers"): "500000"}))
"""Up to how many insatser, the server's memory: virtuoso.ini's own values for that much free memory
(Debian's default, 10 000 buffers of 8 kB, up to 20 000 insatser)."""
BULK_FROM = 1_000_000
"""From this size the server is filled by Virtuoso's own bulk loader, not ``push``: at 100 000 insatser
push took 396 s for 4.5 M quads (11 000 a second; ``benchmarks/push.py``: the server is most of it),
which at 1 000 000 would be over an hour. The bulk loader reads the N-Quads the build wrote."""
NO_ANYTIME = {("SPARQL", "MaxQueryExecutionTime"): "0", ("SPARQL", "MaxQueryCostEstimationTime"): "0"}
"""No limit on a query's time or estimated cost: Debian's 60 s makes Virtuoso answer a slower query with
the rows found so far (an "anytime" answer, marked only by a header), and its estimate refuses others.
``QUERY_TIMEOUT`` bounds a query instead."""
PUSH_TIMEOUT = 600.0
"""Seconds a push request may take."""
QUERY_TIMEOUT = 300.0
"""Seconds a query to the server may take before the measure is given up."""

CANDIDATES = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?goal (COUNT(DISTINCT ?insats) AS ?n) WHERE {
  ?direct mg:reaches ?goal .
  { ?link mg:goal ?direct . ?insats mg:goalLink ?link . } UNION { ?insats mg:reportedUnder ?direct . }
} GROUP BY ?goal
"""
"""Supporters of each candidate goal (bound as a table), to choose the one ``supports`` is timed for."""


@dataclass
class Figures:
    """What one engine measured at one size; times in ms, except ``load_s``."""

    engine: str
    size: int
    quads: int = 0
    load_s: float = 0.0
    """The load, seconds: build with the closure (memory), writing the built graph (disk) or push (virtuoso)."""
    peak_mb: float = 0.0
    written_s: float = 0.0
    """Writing the built graph (N-Quads and the on-disk store), seconds: the build's figures only."""
    goal: str = ""
    supporters: int = 0
    latency_ms: dict[str, float] = field(default_factory=dict)
    timed: dict[str, int] = field(default_factory=dict)
    """How many calls each median is of (0: the warm-up's time, the call being too slow to repeat)."""
    findings: int = 0
    """How many findings the validation fast path reported."""
    notes: list[str] = field(default_factory=list)


def median_ms(call: Callable[[], object], repeat: int) -> tuple[float, int, object]:
    """Median wall time in ms of up to ``repeat`` calls after one warm-up call, how many were timed, the answer.

    A call slower than ``BUDGET_S`` is timed fewer times (none: the warm-up's time is the figure).
    """
    start = time.perf_counter()
    answer = call()
    warm = time.perf_counter() - start
    times = []
    for _ in range(min(repeat, int(BUDGET_S / max(warm, 1e-9)))):
        start = time.perf_counter()
        answer = call()
        times.append((time.perf_counter() - start) * 1000)
    return (statistics.median(times), len(times), answer) if times else (warm * 1000, 0, answer)


def candidates() -> list[URIRef]:
    """The goals ``supports`` may be timed for: the synthetic SDG targets and every region's RUS goals."""
    from malgraf.regions import REGIONS

    goals = [SDG[target] for target in SDG_TARGETS]
    goals += [URIRef(str(RUS) + rus_goal(region.lanskod, number)[4:]) for region in REGIONS
              for number in range(1, Rates().rus_goals_per_region + 1)]
    return goals


def pick_goal(store: GraphStore) -> tuple[URIRef, int]:
    """The candidate goal whose number of supporting insatser is nearest ``TARGET_SUPPORTERS``."""
    rows = store.select_values(CANDIDATES, [{"goal": goal} for goal in candidates()])
    counts = {URIRef(str(row["goal"])): int(row["n"]) for row in rows}  # type: ignore[call-overload]
    goal = min(sorted(counts), key=lambda g: abs(counts[g] - TARGET_SUPPORTERS))
    return goal, counts[goal]


def rollup(store: GraphStore) -> list[dict[str, object]]:
    """The national roll-up: insatser per goal of the national strategy."""
    return store.select_values(load_query("rollup_national"))


def rollup_agrees(store: GraphStore) -> str:
    """Whether the roll-up's counts equal the distinct insatser of ``supports`` for each goal of the scheme."""
    counted = {str(row["goal"]): int(row["insatser"]) for row in rollup(store)}  # type: ignore[call-overload]
    independent = {goal: len({str(row["insats"]) for row in supports(store, URIRef(goal))}) for goal in counted}
    differ = sorted(goal for goal in counted if counted[goal] != independent[goal])
    total = sum(counted.values())
    if differ:
        return f"roll-up DISAGREES with supports() for {len(differ)} of {len(counted)} goals: {differ[:3]}"
    return f"roll-up agrees with supports() on all {len(counted)} goals of ns:strategy ({total} insats-goal pairs)"


CALLS = ("supports", "gaps", "rollup", "validate")


def measure(store: GraphStore, figures: Figures, checks: list[Rule], repeat: int,
            only: Iterable[str] = CALLS) -> None:
    """Fill ``figures.latency_ms`` with the median times of the calls ``only`` names (validation is
    the slowest: name it last).

    ``supports`` is timed for ``figures.goal``, the goal the built store chose (``pick_goal``).
    """
    goal = URIRef(figures.goal)
    calls: dict[str, Callable[[], object]] = {
        "supports": lambda: supports(store, goal),
        "gaps": lambda: gaps(store, SDG_SCHEME, region=GAPS_REGION),
        "rollup": lambda: rollup(store),
        "validate": lambda: check_sparql(store, checks),
    }
    for name in only:
        call = calls[name]
        progress(f"{figures.engine} {figures.size}: {name}")
        try:
            figures.latency_ms[name], figures.timed[name], answer = median_ms(call, repeat)
        except EndpointError as error:
            figures.latency_ms[name], figures.timed[name], answer = float("nan"), 0, ()
            figures.notes.append(f"{name}: {error}")
        if name == "validate":
            figures.findings = len(answer)  # type: ignore[arg-type]
    if figures.size <= CHECK_UP_TO and "rollup" in only:
        figures.notes.append(rollup_agrees(store))


def union_vs_named(store: EmbeddedStore, goal: URIRef, repeat: int) -> str:
    """``supports.rq`` on Oxigraph: the union default graph against naming every graph."""
    query = with_values(load_query("supports"), {"goal": goal})
    graphs = list(store.native.named_graphs())
    union = median_ms(lambda: list(store.native.query(query, use_default_graph_as_union=True)), repeat)[0]
    named = median_ms(lambda: list(store.native.query(query, default_graph=graphs)), repeat)[0]
    return (f"supports.rq on Oxigraph: union default graph {union:.1f} ms, naming all {len(graphs)} graphs "
            f"(default_graph=[…]) {named:.1f} ms, {named / union:.1f}× slower")


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started or ``reset_peak_rss``, in MB."""
    return server_peak_mb(os.getpid())


def reset_peak_rss() -> None:
    """Start this process's peak resident memory (``VmHWM``) again from its present size (Linux)."""
    Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def build(size: int, folder: Path) -> tuple[ox.Store, float]:
    """The built store of ``size`` synthetic insatser with its closure, and the seconds the build took."""
    directories = write_years(folder / "data", size, YEARS)
    start = time.perf_counter()
    store = build_store(directories, data_loader=year_triples, materialise=materialise_closure)
    return store, time.perf_counter() - start


def child(size: int, engines: tuple[str, ...], graph: Path | None, result: Path, repeat: int) -> None:
    """In a child process: build ``size``, measure it in memory, write it to ``graph`` if given.

    The built graph is written before the validation in memory, the call that needs most memory, so
    that a run the kernel stops there leaves the graph for ``--built``.
    """
    checks = rules(load_shapes(SHAPES_FILE))
    with tempfile.TemporaryDirectory(prefix="malgraf-scale-") as temp:
        native, seconds = build(size, Path(temp))
        progress(f"built {size} in {seconds:.0f} s")
        memory = Figures("memory", size, quads=len(native), load_s=seconds)
        goal, count = pick_goal(EmbeddedStore(native))
        memory.goal, memory.supporters = str(goal), count
        if "memory" in engines:
            measure(EmbeddedStore(native), memory, checks, repeat, CALLS[:3])
        if graph is not None:
            memory.written_s = write_graph(native, graph)
        if "memory" in engines:  # 16.6 GB at 1 000 000 with the store loaded (--built): it fits 24 GB
            measure(EmbeddedStore(native), memory, checks, repeat, CALLS[3:])
        if "memory" in engines and size <= CHECK_UP_TO:
            memory.notes.append(union_vs_named(EmbeddedStore(native), goal, repeat))
        memory.peak_mb = peak_rss_mb()
    result.write_text(json.dumps(asdict(memory)), encoding="utf-8")


def write_graph(native: ox.Store, graph: Path) -> float:
    """Write the built graph (N-Quads and the on-disk store beside them); the seconds it took."""
    progress(f"writing the built graph to {graph}")
    start = time.perf_counter()
    write_store(native, graph)
    return time.perf_counter() - start


def progress(step: str) -> None:
    """Say on stderr, with the time, what the run is doing."""
    print(f"[{time.strftime('%H:%M:%S')}] {step}", file=sys.stderr, flush=True)


def run_child(size: int, engines: tuple[str, ...], graph: Path | None, repeat: int) -> Figures:
    """``child`` in a fresh Python process; the build's figures and, if measured, the memory engine's."""
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        command = [sys.executable, __file__, str(size), "--child", result.name, "--repeat", str(repeat),
                   "--engine", ",".join(engines)]
        command += ["--graph", str(graph)] if graph is not None else []
        subprocess.run(command, check=True)
        return Figures(**json.loads(Path(result.name).read_text(encoding="utf-8")))


def server_peak_mb(pid: int) -> float:
    """A process's peak resident memory (``VmHWM``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def virtuoso_memory(size: int) -> tuple[str, dict[tuple[str, str], str]]:
    """The server's memory for ``size`` insatser: a description and its ``virtuoso.ini`` settings."""
    return next((memory, settings) for most, memory, settings in VIRTUOSO_MEMORY if size <= most)


def bulk_load(server: Virtuoso, writer: SparqlEndpoint, graph: Path) -> None:
    """Fill the server with Virtuoso's own bulk loader (``ld_dir``, ``rdf_loader_run``) from the N-Quads
    at ``graph``, then write the catalogue ``RemoteStore`` reads, as ``push`` writes it."""
    ini = configparser.ConfigParser(strict=False, interpolation=None)
    ini.read(server.folder / "virtuoso.ini", encoding="utf-8")
    port = ini["Parameters"]["ServerPort"].rpartition(":")[2]
    script = (f"ld_dir('{graph.parent}', '{graph.name}', '{CATALOG_GRAPH}');\nrdf_loader_run();\ncheckpoint;\n"
              "select ll_state, ll_error from DB.DBA.load_list;\n")
    done = subprocess.run(["isql-vt", port, server.user, server.password], input=script, text=True,
                          capture_output=True, check=True)
    if "Error" in done.stdout or "\n2 " not in done.stdout.replace("  ", " "):
        raise RuntimeError(f"Virtuoso's bulk loader failed:\n{done.stdout[-2000:]}")
    counts = open_graph_store(graph).quads_per_graph()
    writer.put_graph(CATALOG_GRAPH, catalog_triples(counts))


def run_virtuoso(size: int, graph: Path, built: Figures, repeat: int) -> Figures:
    """Fill a fresh Virtuoso with the built graph at ``graph`` (``push``, or from ``BULK_FROM`` insatser
    Virtuoso's bulk loader) and measure it there."""
    executable = find_virtuoso()
    if executable is None:
        raise SystemExit("virtuoso-t is not installed (Debian: virtuoso-opensource); use --engine embedded")
    memory, settings = virtuoso_memory(size)
    allowed = {("Parameters", "DirsAllowed"): f"., {graph.parent}, /usr/share/virtuoso-opensource-7/vad"}
    server = start_virtuoso(executable, settings={**settings, **NO_ANYTIME, **allowed})
    try:
        writer = SparqlEndpoint(server.sparql, server.graph_store, Login(server.user, server.password),
                                 timeout=PUSH_TIMEOUT, update_url=server.sparql.replace("/sparql", "/sparql-auth"))
        start = time.perf_counter()
        progress(f"virtuoso {size}: " + ("bulk load" if size >= BULK_FROM else "push"))
        if size >= BULK_FROM:
            bulk_load(server, writer, graph)
        else:
            push(writer, graph)
        figures = Figures("virtuoso", size, quads=built.quads, load_s=time.perf_counter() - start, goal=built.goal,
                          supporters=built.supporters)
        buffers = f"virtuoso.ini's values for {memory} free" if memory else "Debian's default"
        figures.notes.append(f"buffers: {buffers}")
        if size >= BULK_FROM:
            figures.notes.append(f"filled by Virtuoso's bulk loader, not push (from {BULK_FROM}: see BULK_FROM)")
        store = RemoteStore(SparqlEndpoint(server.sparql, timeout=QUERY_TIMEOUT))
        measure(store, figures, rules(load_shapes(SHAPES_FILE)), repeat)
        figures.peak_mb = server_peak_mb(server.process.pid)
        return figures
    finally:
        server.stop()


def run_size(size: int, engines: tuple[str, ...], repeat: int, keep: Path | None = None) -> list[Figures]:
    """Every engine's figures at one size; the built graph is kept in ``keep/<size>/`` if given.

    The disk engine is measured here, in a process that never held the store in memory (whose freed
    memory the child's allocator keeps: measured there, the peak RSS on disk was the build's).
    """
    with tempfile.TemporaryDirectory(prefix="malgraf-scale-graph-") as temp:
        folder = Path(temp) if keep is None else keep / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        needs_graph = "disk" in engines or "virtuoso" in engines or keep is not None
        graph = folder / "malgraf.nq" if needs_graph else None
        built = run_child(size, engines, graph, repeat)
        print(f"[{size}, build] {json.dumps(asdict(built), ensure_ascii=False)}", flush=True)
        found = [built] if "memory" in engines else []
        if graph is not None and "disk" in engines:
            found += measure_built(size, graph, ("disk",), repeat, built)
        if graph is not None and "virtuoso" in engines:
            found.append(run_virtuoso(size, graph, built, repeat))
    return found


def measure_built(size: int, graph: Path, engines: tuple[str, ...], repeat: int,
                  built: Figures | None = None) -> list[Figures]:
    """Every engine's figures on a built graph of ``size`` insatser, without building it (``built``:
    the build's figures, whose goal is timed; else the goal is picked here)."""
    checks = rules(load_shapes(SHAPES_FILE))
    reset_peak_rss()
    disk = EmbeddedStore(open_store(graph))
    goal, count = (URIRef(built.goal), built.supporters) if built else pick_goal(disk)
    found = []
    if "memory" in engines:
        progress(f"memory {size}: loading {graph}")
        start = time.perf_counter()
        native = ox.Store()
        native.bulk_load(path=str(graph), format=ox.RdfFormat.N_QUADS)
        memory = Figures("memory", size, quads=len(native), load_s=time.perf_counter() - start, goal=str(goal),
                         supporters=count, notes=["loaded from the N-Quads (bulk_load), not built"])
        measure(EmbeddedStore(native), memory, checks, repeat)
        memory.peak_mb = peak_rss_mb()
        found.append(memory)
        del native
        gc.collect()
    figures = Figures("disk", size, quads=len(disk.native), goal=str(goal), supporters=count)
    if built is None:
        figures.notes.append(f"the on-disk store of {graph}; writing it not measured here")
    else:  # written by the build's child
        figures.load_s = built.written_s
    if "disk" in engines:
        if built is None:
            reset_peak_rss()
        measure(disk, figures, checks, repeat)
        figures.peak_mb = peak_rss_mb()
        found.append(figures)
    del disk
    gc.collect()
    if "virtuoso" in engines:
        found.append(run_virtuoso(size, graph, figures, repeat))
    return found


ROWS = (("load", "build / write / push, s"), ("peak_mb", "peak memory, MB"),
        ("supports", "supports, ms"), ("gaps", "gaps sdg Blekinge, ms"), ("rollup", "national roll-up, ms"),
        ("validate", "validation fast path, ms"))


def value(figures: Figures, row: str) -> float:
    if row == "load":
        return figures.load_s
    if row == "peak_mb":
        return figures.peak_mb
    return figures.latency_ms.get(row, float("nan"))


def cell(figures: Figures, row: str) -> str:
    """One figure as the table shows it: ``*`` marks a single cold call, ``-`` a measure given up."""
    number = value(figures, row)
    if number != number:  # NaN
        return f"{'-':>12}"
    cold = "*" if row in figures.timed and figures.timed[row] == 0 else " "
    return f"{number:>11.1f}{cold}"


def report(found: list[Figures], seconds: float) -> None:
    """Print the figures of one size: a row per measure, a column per engine."""
    first = found[0]
    print(f"\n{first.size:,} insatser over {YEARS.start}–{YEARS.stop - 1}, {first.quads:,} quads "
          f"(this size took {seconds:.0f} s)".replace(",", " "))
    for figures in found:
        if "validate" in figures.latency_ms:
            print(f"  {figures.engine}: validation found {figures.findings} findings")
    print(f"  supports timed for {first.goal}, {first.supporters} supporters (of the candidates, the nearest "
          f"{TARGET_SUPPORTERS})")
    print(f"  {'':<30}" + "".join(f"{figures.engine:>12}" for figures in found))
    for row, label in ROWS:
        print(f"  {label:<30}" + "".join(cell(figures, row) for figures in found))
    for figures in found:
        for note in figures.notes:
            print(f"  {figures.engine}: {note}")
    print("  (* one call only, its first: too slow to repeat within the budget; - not measured)")
    sys.stdout.flush()


def engine_names(text: str) -> tuple[str, ...]:
    """The engines ``--engine`` names: a name of ``ENGINES`` or engines joined by commas."""
    names = ENGINES.get(text) or tuple(text.split(","))
    unknown = [name for name in names if name not in ENGINES["all"]]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown engine {unknown[0]!r}: give one of {', '.join(ENGINES)}")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=list(SIZES), help="numbers of insatser")
    parser.add_argument("--engine", type=engine_names, default=ENGINES["all"],
                        help="memory, disk, virtuoso, embedded (memory and disk) or all")
    parser.add_argument("--repeat", type=int, default=5, help="timed calls after the warm-up (median)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep each size's built graph as DIR/<size>/malgraf.nq, for --built")
    parser.add_argument("--built", type=Path, metavar="GRAPH",
                        help="measure on this built graph of SIZES[0] insatser (written by --keep or malgraf build)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--graph", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.sizes[0], args.engine, args.graph, args.child, args.repeat)
        return
    for size in args.sizes[:1] if args.built else args.sizes:
        start = time.perf_counter()
        if args.built is not None:
            found = measure_built(size, args.built, args.engine, args.repeat)
        else:
            found = run_size(size, args.engine, args.repeat, args.keep)
        report(found, time.perf_counter() - start)


if __name__ == "__main__":
    main()
