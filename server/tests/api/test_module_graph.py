"""The server's modules include each other only as docs/architecture.md allows, without
cycles: the graph written there is checked against every #include in server/src."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]
SRC = ROOT / "server" / "src"


def allowed_graph():
    text = (ROOT / "docs" / "architecture.md").read_text()
    section = text.split("## Module dependencies", 1)[1]
    block = section.split("```text", 1)[1].split("```", 1)[0]
    graph = {}
    for line in block.strip().splitlines():
        module, _, deps = line.partition(":")
        graph[module.strip()] = set(deps.split())
    return graph


def actual_includes():
    found = {}
    for path in SRC.rglob("*.[ch]pp"):
        rel = path.relative_to(SRC)
        module = rel.parts[0] if len(rel.parts) > 1 else path.stem
        for n, line in enumerate(path.read_text().splitlines(), 1):
            m = re.match(r'#include "([a-z_]+)/', line)
            if m and m.group(1) != module:
                found.setdefault(module, []).append((m.group(1), f"{rel}:{n}"))
    return found


def test_every_module_is_listed():
    graph = allowed_graph()
    modules = {p.name for p in SRC.iterdir() if p.is_dir()} | {"main"}
    assert modules == set(graph), f"unlisted: {modules - set(graph)}, gone: {set(graph) - modules}"


def test_every_include_is_allowed():
    graph = allowed_graph()
    crossing = [f"{where}: {module} includes {dep}"
                for module, includes in actual_includes().items()
                for dep, where in includes if dep not in graph.get(module, set())]
    assert not crossing, "\n".join(crossing)


def test_the_allowed_graph_has_no_cycle():
    graph = allowed_graph()
    state = {}

    def visit(module, path):
        if state.get(module) == "done":
            return
        assert state.get(module) != "open", "cycle: " + " -> ".join(path + [module])
        state[module] = "open"
        for dep in graph.get(module, ()):
            visit(dep, path + [module])
        state[module] = "done"

    for module in graph:
        visit(module, [])


def test_the_checker_sees_includes():
    # Guards the parser: http includes core, so an empty result would mean it read nothing.
    assert any(dep == "core" for dep, _ in actual_includes()["http"])
