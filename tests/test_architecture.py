"""The code stays easy to change: small modules, no import cycles, every module under
a layer rule (ARCHITECTURE.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp
import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "journeymapper"
MAX_LINES = 450


def _graph() -> nx.DiGraph:
    imports = grimp.build_graph("journeymapper", cache_dir=None)  # TYPE_CHECKING ones too
    graph: nx.DiGraph = nx.DiGraph()
    for module in imports.modules:
        graph.add_node(module)
        for imported in imports.find_modules_directly_imported_by(module):
            graph.add_edge(module, imported)
    return graph


def test_no_module_is_over_450_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycles_even_in_type_checking_blocks() -> None:
    cycles = [sorted(c) for c in nx.strongly_connected_components(_graph()) if len(c) > 1]
    assert cycles == []


def test_every_module_is_under_a_layer_contract() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layered: set[str] = set()
    for contract in contracts:
        if contract["type"] != "layers":
            continue
        containers = contract.get("containers", [""])
        for layer in contract["layers"]:
            for name in layer.replace(":", "|").split("|"):
                for container in containers:
                    layered.add(f"{container}.{name.strip()}" if container else name.strip())
    modules = set(_graph().nodes) - {"journeymapper"}

    def covered(module: str) -> bool:
        parts = module.split(".")
        return any(".".join(parts[:i]) in layered for i in range(2, len(parts) + 1))

    assert sorted(m for m in modules if not covered(m)) == []
    app_modules = {m for m in modules if m.startswith("journeymapper.app.")}
    app_layers = {n for n in layered if n.startswith("journeymapper.app.")}
    assert all(any(m == n or m.startswith(n + ".") for n in app_layers) for m in app_modules)


def test_the_architecture_page_names_only_files_that_exist() -> None:
    """ARCHITECTURE.md matches the code: every path it names is there."""
    import re

    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)+[a-z_.*<>]*)`", text))  # files and folders/
    missing = []
    for name in sorted(named):
        if "<" in name or "*" in name:  # a pattern, not a file
            continue
        for base in (ROOT, PACKAGE):
            if (base / name).exists():
                break
        else:
            missing.append(name)
    assert missing == []
    assert len(named) > 60
