"""The server's modules include each other only as docs/architecture.md allows, without
cycles: the graph written there is checked against every #include in server/src and
against the libraries server/CMakeLists.txt declares (which make the compiler refuse an
include of a module that is not a dependency)."""
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


def actual_includes(suffixes=(".hpp", ".cpp")):
    found = {}
    for path in SRC.rglob("*.[ch]pp"):
        if path.suffix not in suffixes:
            continue
        rel = path.relative_to(SRC)
        module = rel.parts[0] if len(rel.parts) > 1 else path.stem
        for n, line in enumerate(path.read_text().splitlines(), 1):
            m = re.match(r'#include "([a-z_]+)/', line)
            if m and m.group(1) != module:
                found.setdefault(module, []).append((m.group(1), f"{rel}:{n}"))
    return found


def declared_libraries():
    """{module: (public deps, private deps)} from the kinora_module() calls, plus main's
    link line and ai (a library of its own with no module dependencies)."""
    text = (ROOT / "server" / "CMakeLists.txt").read_text()
    declared = {"ai": (set(), set())}
    for body in re.findall(r"^kinora_module\(([^)]*)\)", text, re.M):
        words = body.split()
        deps, visibility = {"PUBLIC": set(), "PRIVATE": set()}, None
        for word in words[1:]:
            if word in deps:
                visibility = word
            else:
                deps[visibility].add(word)
        declared[words[0]] = (deps["PUBLIC"], deps["PRIVATE"])
    main = re.search(r"target_link_libraries\(kinora PRIVATE ([^)]*)\)", text)
    declared["main"] = ({w.removeprefix("kinora_") for w in main.group(1).split()}, set())
    return declared


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


def test_the_build_declares_the_same_graph():
    graph, declared = allowed_graph(), declared_libraries()
    differ = [f"{m}: docs {sorted(graph.get(m, ()))}, CMake {sorted(declared[m][0] | declared[m][1]) if m in declared else None}"
              for m in set(graph) | set(declared)
              if m not in declared or graph.get(m) != declared[m][0] | declared[m][1]]
    assert not differ, "\n".join(sorted(differ))


def test_public_dependencies_are_the_ones_headers_include():
    # PUBLIC where a header includes the module (its users need that include root too),
    # PRIVATE where only sources do, so the build exposes no more than the headers need.
    from_headers = {m: {d for d, _ in deps} for m, deps in actual_includes((".hpp",)).items()}
    wrong = []
    for module, (public, private) in declared_libraries().items():
        if module == "main":
            continue
        need = from_headers.get(module, set())
        if public != need:
            wrong.append(f"{module}: PUBLIC {sorted(public)}, headers include {sorted(need)}")
        if public & private:
            wrong.append(f"{module}: {sorted(public & private)} both PUBLIC and PRIVATE")
    assert not wrong, "\n".join(sorted(wrong))
