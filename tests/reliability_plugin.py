"""A pytest plugin for tests/test_reliability_doc.py: lists the tests marked ``reliability``.

Loaded with ``-p reliability_plugin`` in a collect-only subprocess; writes
``[[node id, what], ...]`` as JSON to the file named by ``MAPPER_RELIABILITY_OUT``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def pytest_collection_finish(session: pytest.Session) -> None:
    target = os.environ.get("MAPPER_RELIABILITY_OUT")
    if target:
        rows = [[item.nodeid, mark.args[0]] for item in session.items for mark in item.iter_markers("reliability")]
        Path(target).write_text(json.dumps(rows), encoding="utf-8")
