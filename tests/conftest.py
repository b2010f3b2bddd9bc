"""Shared fixtures: the loaded services and one ``mapper run`` of the seed per session."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mapper import cli
from mapper.pipeline import Services

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_b9adb4e5be20f009.txt"

Invoke = Callable[..., Result]


@dataclass(frozen=True)
class SeedRun:
    """The output folder and stderr of ``mapper run seeds/``."""

    out: Path
    stderr: str


@pytest.fixture(scope="session")
def services() -> Services:
    """The shipped gazetteer and regions, loaded once per session."""
    return Services.load()


def _runner_invoke(services: Services, args: tuple[object, ...], stdin: str | bytes | None) -> Result:
    # Services.load() takes about a second; the CLI tests share one instance instead.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cli, "_services", lambda quiet: services)
        return CliRunner().invoke(cli.main, [str(a) for a in args], input=stdin, prog_name="mapper")


@pytest.fixture
def invoke(services: Services) -> Invoke:
    """``invoke(*args, stdin=None)`` runs the click CLI in-process with the shared services."""

    def _invoke(*args: object, stdin: str | bytes | None = None) -> Result:
        return _runner_invoke(services, args, stdin)

    return _invoke


@pytest.fixture(scope="session")
def seed_run(services: Services, tmp_path_factory: pytest.TempPathFactory) -> SeedRun:
    """``mapper run seeds/ -o <tmp> --tiles none``, run once per session."""
    out = tmp_path_factory.mktemp("seed_run")
    result = _runner_invoke(services, ("run", SEEDS, "-o", out, "--tiles", "none"), None)
    assert result.exit_code == 0, result.output
    return SeedRun(out, result.stderr)
