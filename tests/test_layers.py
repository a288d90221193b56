"""The package's layers: imports point one way (app, web -> charts -> table -> text -> data); only the app and the
server that runs it (serve.py) import Streamlit."""

import ast

import pytest

BELOW = {"data": set(), "text": {"data"}, "table": {"data", "text"}, "charts": {"data", "text", "table"}}
BELOW["app"] = {*BELOW, "export", "web"}
BELOW["web"] = {"data", "text", "table", "charts", "export"}  # the take-away routes: never the app, never Streamlit


def imports(path) -> set[str]:
    """Every module a file imports, by its full name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", BELOW)
def test_a_layer_imports_only_itself_and_the_layers_below(root, layer):
    files = sorted((root / "dashboard" / layer).glob("*.py"))
    assert files
    allowed = BELOW[layer] | {layer}
    for path in files:
        inner = {name.split(".")[1] for name in imports(path) if name.startswith("dashboard.") and name.count(".") >= 1}
        assert inner <= allowed, (path.name, inner - allowed)


def test_only_the_app_imports_streamlit_and_no_private_names(root):
    """The app, serve.py, which makes it an ASGI app, and cli.py, whose `run` reads Streamlit's settings to serve it."""
    for path in sorted((root / "dashboard").rglob("*.py")):
        names = imports(path)
        if "app" not in path.relative_to(root / "dashboard").parts[:1] and path.name not in ("serve.py", "cli.py"):
            assert not any(name.split(".")[0] == "streamlit" for name in names), path
        assert not any(part.startswith("_") and part != "__future__" for name in names if name.startswith(
            ("streamlit", "plotly")) for part in name.split(".")), path
