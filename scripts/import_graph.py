"""Print the import graph of the packages and its cycles: `python scripts/import_graph.py`.

A cycle is a set of modules that import each other round (a strongly connected component of more
than one module); each is printed with its modules. Imports inside functions count; imports under
`if TYPE_CHECKING:` are left out unless --with-type-checking is given.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

PACKAGES = ("mock_site", "hikari_e2e", "e2e", "fixtures")


def cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def main() -> int:
    """Print the counts; --with-type-checking counts `if TYPE_CHECKING:` imports too."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    typing_too = "--with-type-checking" in sys.argv[1:]
    graph = grimp.build_graph(
        *PACKAGES, exclude_type_checking_imports=not typing_too, cache_dir=None
    )
    modules = {m for m in graph.modules if m.split(".")[0] in PACKAGES}
    edges = sum(len(graph.find_modules_directly_imported_by(m) & modules) for m in modules)
    found = cycles(graph, modules)
    print(f"{len(modules)} modules, {edges} imports between them, {len(found)} cycles")
    for component in sorted(found, key=len, reverse=True):
        print(f"  cycle of {len(component)}: {', '.join(component)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
