"""docs/reliability.md and the tests that back it agree, row by row."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

DOC = ROOT / "docs" / "reliability.md"


def _table() -> set[tuple[str, str]]:
    """(test node id, what) of every row of the table."""
    rows = set()
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) == 4 and cells[0] not in ("What was tried", "---|---|---|---"):
            test = re.fullmatch(r"`([^`]+)`", cells[3])
            assert test, f"the test cell of row {cells[0]!r} is not one `node id`"
            rows.add((test.group(1), cells[0]))
    return rows


def _marked(tmp_path: Path) -> set[tuple[str, str]]:
    """(node id, what) of every collected test marked ``reliability``."""
    target = tmp_path / "marked.json"
    env = {**os.environ, "MAPPER_RELIABILITY_OUT": str(target),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "reliability_plugin",
                           "tests"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return {(node, what) for node, what in json.loads(target.read_text(encoding="utf-8"))}


def test_table_and_marked_tests_agree(tmp_path: Path) -> None:
    table, marked = _table(), _marked(tmp_path)
    assert len(table) >= 30
    assert sorted(table - marked) == [], "rows without a marked test of that node id and words"
    assert sorted(marked - table) == [], "marked tests without their row"
