"""The package's layers depend one way: extraction uses geography, never the reverse,
and the pipeline only composes stages (every extraction decision lives in mapper/extract)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mapper"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_geo_never_imports_extract() -> None:
    offenders = {p.name: sorted(m for m in _imports(p) if m.startswith("mapper.extract"))
                 for p in (PACKAGE / "geo").glob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_pipeline_defines_no_extraction_rule() -> None:
    tree = ast.parse((PACKAGE / "pipeline.py").read_text(encoding="utf-8"))
    defined = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert not defined & {"extract_article", "geoparse_article", "_drop_country_summaries", "_drop_title_echoes",
                          "_mentions_in"}
