"""The shape of the code: no import cycles among the project's modules, no module of the apps over about 400 lines,
tools and tests on top of the apps (never imported by them), and a parse that needs no database.

The import graph is read from the source with ``ast`` (nothing is imported): every ``import`` and ``from ... import``
of a project module, at the top of a file or inside a function, is an edge; an import of a package is an edge to
the package, whose own edges are what its ``__init__`` imports; ``from package import module`` is an edge to that
module; imports under ``if TYPE_CHECKING:`` are left out.  A failure names the cycle, with the file and line of
each import in it.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's own top-level packages; everything else (the standard library, Django, ...) is outside the graph.
PACKAGES = ("archive", "resolutions", "votes", "feeds", "alerts", "network", "addressees", "bench", "scripts", "tests")
# The apps, whose modules are held to the size limit (tools and tests are not).
APPS = ("archive", "resolutions", "votes", "feeds", "alerts", "network", "addressees")
TOOLS = ("bench", "scripts", "tests")
MAX_LINES = 400
# The guide lets the parser's per-format extractors (extract_*.py) run longer; none needs to today (the PDF's layout
# stages are in pdf_layout.py, the AKN file's records in akn_records.py and its XML reading in akn_xml.py).
SIZE_EXCEPTIONS: tuple[str, ...] = ()
# Modules over the limit today, each being split by the work named (issue 14); the test fails as soon as one is
# back under the limit, so that it is taken off this list, and for any module over the limit not listed here.
KNOWN_OVER: dict[str, str] = {}
# Import cycles found today, each being broken by the work named; as with KNOWN_OVER, a listed cycle that is gone
# fails the test until it is taken off.  A cycle is named by its modules, sorted.
KNOWN_CYCLES: dict[tuple[str, ...], str] = {}
# Imports against the layering found today, as (importer, imported).
KNOWN_LAYERING: dict[tuple[str, str], str] = {}


def module_files() -> dict[str, Path]:
    """Module name -> file, for every Python file of the project's packages ('resolutions.parser' is its
    __init__)."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every Import / ImportFrom node, except those under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                stack.extend(child.orelse)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child
            stack.append(child)


def import_graph() -> dict[str, dict[str, str]]:
    """Module -> {imported project module: 'file:line' of the import}."""
    modules = module_files()

    def known(name: str) -> str | None:
        """The module itself, or the nearest package above it that is a project module."""
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, dict[str, str]] = {}
    for module, path in modules.items():
        edges: dict[str, str] = {}
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _imports(tree):
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[:len(anchor) - (node.level - 1)] if node.level > 1 else anchor
                    base = ".".join(anchor + ([base] if base else []))
                for alias in node.names:
                    submodule = f"{base}.{alias.name}" if base else alias.name
                    targets.append(submodule if submodule in modules else base)
            for target in targets:
                found = known(target)
                if found and found != module:
                    edges.setdefault(found, where)
        graph[module] = edges
    return graph


def cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    """One cycle (a list of modules, the first repeated at the end) per strongly connected component (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = [0]

    def visit(start: str) -> None:
        # Iterative Tarjan: (node, iterator over its successors).
        work = [(start, iter(graph.get(start, {})))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter[0]
                    counter[0] += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(graph.get(succ, {}))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_a_cycle(graph, set(component)) for component in components]


def _a_cycle(graph: dict[str, dict[str, str]], component: set[str]) -> list[str]:
    """A shortest cycle through the component's first module (breadth-first search back to it)."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for succ in sorted(graph[node]):
                if succ == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if succ in component and succ not in previous and succ != start:
                    previous[succ] = node
                    following.append(succ)
        frontier = following
    return [start, start]


def describe_cycle(graph: dict[str, dict[str, str]], cycle: list[str]) -> str:
    return "\n".join(f"  {a} -> {b}  ({graph[a][b]})" for a, b in zip(cycle, cycle[1:]))


def test_no_import_cycles_among_the_projects_modules():
    graph = import_graph()
    assert len(graph) > 100   # the graph covers the project, not an empty folder
    found = {tuple(sorted(set(cycle))): cycle for cycle in cycles(graph)}
    new = [cycle for key, cycle in found.items() if key not in KNOWN_CYCLES]
    assert not new, "Import cycles:\n" + "\n\n".join(describe_cycle(graph, c) for c in new)
    gone = [" <-> ".join(key) for key in KNOWN_CYCLES if key not in found]
    assert not gone, f"No longer a cycle, take off KNOWN_CYCLES in tests/test_architecture.py: {'; '.join(gone)}"


def test_the_cycle_finder_finds_a_cycle_and_names_its_imports():
    graph = {"a": {"b": "a.py:1"}, "b": {"c": "b.py:2"}, "c": {"a": "c.py:3", "d": "c.py:4"}, "d": {}}
    (cycle,) = cycles(graph)
    assert cycle == ["a", "b", "c", "a"]
    assert describe_cycle(graph, cycle) == "  a -> b  (a.py:1)\n  b -> c  (b.py:2)\n  c -> a  (c.py:3)"


def test_the_apps_never_import_tools_or_tests_and_tools_never_import_tests():
    """Tests and tools sit on top: a script that measures the parser may read the gold the tests read, from a
    module outside tests/, so that tests import scripts and never the reverse."""
    wrong, seen = [], set()
    for module, edges in import_graph().items():
        top = module.split(".")[0]
        if ".management.commands." in module:
            continue   # a command is an entry point, like manage.py: 'manage.py bench' runs the benchmark
        for target, where in edges.items():
            below = target.split(".")[0]
            if (top in APPS and below in TOOLS) or (top in ("bench", "scripts") and below == "tests"):
                seen.add((module, target))
                if (module, target) not in KNOWN_LAYERING:
                    wrong.append(f"  {module} -> {target}  ({where})")
    assert not wrong, "Imports against the layering (apps < bench, scripts < tests):\n" + "\n".join(wrong)
    gone = [f"{a} -> {b}" for a, b in KNOWN_LAYERING if (a, b) not in seen]
    assert not gone, f"Gone, take off KNOWN_LAYERING in tests/test_architecture.py: {'; '.join(gone)}"


def _over_the_limit() -> dict[str, int]:
    over = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or any(relative.match(p) for p in SIZE_EXCEPTIONS):
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                over[relative.as_posix()] = lines
    return over


def test_no_module_of_the_apps_is_over_400_lines():
    over = _over_the_limit()
    new = {path: lines for path, lines in over.items() if path not in KNOWN_OVER}
    assert not new, "Modules over {} lines: {}".format(
        MAX_LINES, ", ".join(f"{path} ({lines} lines)" for path, lines in sorted(new.items())))
    done = sorted(set(KNOWN_OVER) - set(over))
    assert not done, f"Under {MAX_LINES} lines now, take off KNOWN_OVER in tests/test_architecture.py: {', '.join(done)}"


def test_the_un_knowledge_and_the_parser_import_without_django(tmp_path):
    """resolutions.un, resolutions.citations and resolutions.parser are libraries: importing them (and parsing a
    document) loads no Django."""
    code = ("import sys; import resolutions.un.bodies, resolutions.un.symbols, resolutions.un.anchors, "
            "resolutions.un.adoption, resolutions.un.member_states, resolutions.un.state_names, resolutions.citations, "
            "resolutions.parser; "
            "from resolutions.parser import parse; "
            "doc = parse(open(sys.argv[1], 'rb').read(), 'seed.txt'); "
            "assert doc.paragraphs; "
            "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))")
    seed = next((ROOT / "samples").glob("002_*"))
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run([sys.executable, "-c", code, str(seed)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_manage_parse_starts_no_database(tmp_path):
    """`manage.py parse` reads a file and prints its parse: with ARCHIVE_PGDATA pointing at a folder that does not
    exist, no server is started and no data folder is made."""
    pgdata = tmp_path / "pgdata"
    seed = next((ROOT / "samples").glob("002_*"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ARCHIVE_PGDATA"] = str(pgdata)
    done = subprocess.run([sys.executable, "manage.py", "parse", str(seed)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "A/C.3/61/L.7/Rev.1" in done.stdout
    assert not pgdata.exists()
