"""The wheel: built from the checkout, installed (not editable) in a fresh venv, run elsewhere.

No network: the wheel is built with the test venv's setuptools (``--no-build-isolation``)
and installed with ``--no-index --no-deps``.  The fresh venv sees this venv's
dependencies through a ``.pth`` line naming its site-packages; a folder added that way
does not run the ``.pth`` files inside it, so this venv's editable mapper stays out of
sight and ``import mapper`` finds only the wheel's copy.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mapper.output.bundle import OUTPUT_NAMES

from conftest import ROOT, SEEDS, SeedRun

#: what a build needs from a checkout
BUILD_FILES = ("pyproject.toml", "setup.py", "README.md", "mapper", "data")


class Installed:
    """A fresh venv with the wheel installed."""

    def __init__(self, root: Path, wheel: Path) -> None:
        self.root = root
        self.wheel = wheel
        self.bin = root / "venv" / "bin"
        self.elsewhere = root / "elsewhere"  # the working folder: outside the checkout

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MAPPER_DATA_DIR")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        return env

    def run(self, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([str(a) for a in args], cwd=self.elsewhere, env=self.env(), capture_output=True,
                              text=True, timeout=timeout)

    def popen(self, *args: str | Path, log: Path) -> subprocess.Popen:
        """A background process; its output goes to ``log`` (a pipe nobody reads could fill up)."""
        with open(log, "wb") as fh:
            return subprocess.Popen([str(a) for a in args], cwd=self.elsewhere, env=self.env(),
                                    stdout=fh, stderr=subprocess.STDOUT)


def _check(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, f"{proc.args}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"  # a clean copy: no build/ or egg-info of an earlier build leaks in
    src.mkdir()
    for name in BUILD_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, src / name)
    _check(subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", "-w", str(root / "dist"), str(src)], capture_output=True, text=True,
                          timeout=600))
    (wheel,) = (root / "dist").glob("mapper-*.whl")
    _check(subprocess.run([sys.executable, "-m", "venv", str(root / "venv")],  # pip from ensurepip: offline
                          capture_output=True, text=True, timeout=300))
    site = Path(_check(subprocess.run([str(root / "venv" / "bin" / "python"), "-c",
                                       "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                      capture_output=True, text=True)).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _check(subprocess.run([str(root / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps",
                           "--no-index", str(wheel)], capture_output=True, text=True, timeout=300))
    (root / "elsewhere").mkdir()
    yield Installed(root, wheel)


def test_wheel_ships_the_data_and_not_the_build_scripts(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    data = {n.removeprefix("mapper/data/") for n in names if n.startswith("mapper/data/")}
    shipped = {p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".tsv", ".npz")}
    assert shipped <= data and {"README.md", "__init__.py"} <= data
    assert not {n for n in data if n.endswith(".py") and n != "__init__.py"}  # build scripts stay home
    assert {"mapper/py.typed", "mapper/output/webmap.js", "mapper/output/webmap.css"} <= names
    # every module of the checkout's package (pyproject.toml lists the subpackages by hand)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "mapper").rglob("*.py")}
    assert modules <= names, sorted(modules - names)


def test_installed_package_reads_its_own_data(installed: Installed) -> None:
    proc = _check(installed.run(installed.bin / "python", "-c",
                                "import mapper, mapper.geo.gazetteer as g; print(mapper.__file__); print(g.data_dir())"))
    module, data = proc.stdout.splitlines()
    venv = str(installed.root / "venv")
    assert module.startswith(venv) and data.startswith(venv) and data.endswith(os.path.join("mapper", "data"))


def test_mapper_run_from_the_wheel_equals_the_editable_install(installed: Installed, seed_run: SeedRun) -> None:
    out = installed.elsewhere / "outputs"
    proc = _check(installed.run(installed.bin / "mapper", "run", SEEDS, "-o", out, "--tiles", "none"))
    assert proc.stderr.startswith("mapper: 1 articles, 9 incidents")
    for name in OUTPUT_NAMES:
        assert (out / name).read_bytes() == (seed_run.out / name).read_bytes(), name


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


def test_cluster_recipe_from_the_wheel(installed: Installed, services, tmp_path: Path) -> None:
    """README's recipe: ``dask scheduler``, ``dask worker``, ``mapper run --engine dask
    --scheduler``, all from the wheel's venv, on loopback; the local engine's files."""
    import mapper
    from test_dask import corpus, write_jsonl

    src = write_jsonl(tmp_path / "news.jsonl", corpus())
    mapper.run(src, services=services, jobs=1).write(tmp_path / "local", tiles="none")
    address_file = tmp_path / "scheduler.json"
    python = installed.bin / "python"
    scheduler = installed.popen(python, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                                "--no-dashboard", "--scheduler-file", address_file, log=tmp_path / "scheduler.log")
    try:
        worker = installed.popen(python, "-m", "dask", "worker", "--scheduler-file", address_file,
                                 "--nworkers", "1", "--nthreads", "1", "--no-dashboard", log=tmp_path / "worker.log")
        try:
            for _ in range(600):  # the scheduler writes its address once it listens
                if address_file.exists() and address_file.stat().st_size:
                    break
                assert scheduler.poll() is None, (tmp_path / "scheduler.log").read_text()
                time.sleep(0.1)
            address = json.loads(address_file.read_text(encoding="utf-8"))["address"]
            assert address.startswith("tcp://127.0.0.1:")
            out = installed.elsewhere / "cluster"
            proc = _check(installed.run(installed.bin / "mapper", "run", src, "-o", out, "--tiles", "none",
                                        "--engine", "dask", "--scheduler", address))
            assert proc.stderr.startswith("mapper: 40 articles, 18 incidents (13 strikes), 10 unplaced")
        finally:
            _stop(worker)
    finally:
        _stop(scheduler)
    for name in OUTPUT_NAMES:
        assert (out / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
