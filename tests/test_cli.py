"""The command line: help, exit codes, exact error lines, stdin, extract and geoparse."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapper import cli

from conftest import ROOT, SEEDS, Invoke, SeedRun

SUPPORTED = ".txt, .html, .htm, .jsonl, .ndjson or .csv, optionally .gz"
OLD = "old output\n"
KYIV_ODESA = "Russian drones struck Kyiv and Odesa overnight."


def _python_m(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mapper`` as a real process (real exit status and stderr)."""
    return subprocess.run([sys.executable, "-m", "mapper", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **env}, timeout=120, check=False)


# ------------------------------------------------------------------------------ help


@pytest.mark.parametrize("command,options", [
    ([], ["run", "extract", "geoparse", "--version", "--help"]),
    (["run"], ["INPUT...", "--output", "--slice", "[auto|day|week|month]", "--tiles", "[osm|none]", "--quiet",
               "--skip-bad"]),
    (["extract"], ["INPUT...", "--output", "--quiet", "--skip-bad"]),
    (["geoparse"], ["FILE|-", "--output", "--resolve-only", "--quiet", "--skip-bad"]),
])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help(invoke: Invoke, command: list[str], options: list[str], flag: str) -> None:
    result = invoke(*command, flag)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: mapper {' '.join(command)}".rstrip() + " [OPTIONS]")
    for option in options:
        assert option in result.stdout


def test_python_m_mapper_help() -> None:
    proc = _python_m("--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage: mapper [OPTIONS] COMMAND [ARGS]...")
    assert "geoparse" in proc.stdout and proc.stderr == ""


# ------------------------------------------------------------------------------ bad input


#: name -> (input file name, its bytes or None for no file, the error after "<path>").
BAD_INPUTS: dict[str, tuple[str, bytes | None, str]] = {
    "missing": ("missing.txt", None, ": no such file or directory"),
    "empty": ("empty.txt", b"", ": file is empty"),
    "binary": ("binary.txt", b"\x00\x01\x02binary", ": binary file (NUL bytes in the first 8 KB)"),
    "utf8-txt": ("latin1.txt", b"Title\nbody \xff here\n", ":2: invalid UTF-8 (byte 0xff at column 6)"),
    "utf8-jsonl": ("latin1.jsonl", b'{"text": "Drones struck Kyiv."}\n{"text": "x\xff"}\n',
                   ":2: invalid UTF-8 (byte 0xff at column 12)"),
    "malformed-json": ("bad.jsonl", b'{"text": "Drones struck Kyiv."}\n{"text": "a" "b"}\n',
                       ":2: malformed JSON (Expecting ',' delimiter at column 14)"),
    "csv-fields": ("fields.csv", b"id,text\na,Drones struck Kyiv.\nb,one,two\n", ":3: expected 2 fields, found 3"),
    "no-files": ("nothing", None, f": folder has no supported files ({SUPPORTED})"),
}


def _bad_input(tmp: Path, name: str) -> tuple[Path, str]:
    """Create the bad input ``name`` in ``tmp``; return its path and the exact error message."""
    file_name, data, error = BAD_INPUTS[name]
    path = tmp / file_name
    if name == "no-files":
        path.mkdir()
        (path / "notes.pdf").write_bytes(b"%PDF-1.4")
    elif data is not None:
        path.write_bytes(data)
    return path, f"{path}{error}"


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_one_line_error_and_no_output(invoke: Invoke, tmp_path: Path, name: str) -> None:
    source, message = _bad_input(tmp_path, name)
    out = tmp_path / "out"
    out.mkdir()
    (out / "incidents.geojson").write_text(OLD, encoding="utf-8")
    result = invoke("run", source, "-o", out, "--tiles", "none")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # handled: no traceback
    assert result.stderr == f"mapper: error: {message}\n"
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["incidents.geojson"]  # no temp or partial files
    assert (out / "incidents.geojson").read_text(encoding="utf-8") == OLD


def test_bad_input_error_in_a_real_process(tmp_path: Path) -> None:
    source, message = _bad_input(tmp_path, "malformed-json")
    proc = _python_m("run", str(source), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert proc.stderr == f"mapper: error: {message}\n"
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "out").exists()


def test_extract_bad_input_writes_no_file(invoke: Invoke, tmp_path: Path) -> None:
    source, message = _bad_input(tmp_path, "csv-fields")
    target = tmp_path / "incidents.jsonl"
    result = invoke("extract", source, "-o", target)
    assert (result.exit_code, result.stderr) == (1, f"mapper: error: {message}\n")
    assert not target.exists()


def test_unwritable_output_is_one_line(invoke: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    result = invoke("run", SEEDS, "-o", blocker / "out", "--tiles", "none")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"mapper: error: {blocker / 'out'}: Not a directory\n"
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_empty_stdin(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("run", "-", "-o", tmp_path / "out", stdin="\n")
    assert (result.exit_code, result.stderr) == (1, "mapper: error: <stdin>: input is empty\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args,message", [
    (["run", "--slice", "year", "-o", "{out}", str(SEEDS)],
     "Invalid value for '--slice': 'year' is not one of 'auto', 'day', 'week', 'month'."),
    (["run", "--tiles", "google", "-o", "{out}", str(SEEDS)],
     "Invalid value for '--tiles': 'google' is not one of 'osm', 'none'."),
    (["run", "--zzz", "-o", "{out}", str(SEEDS)], "No such option '--zzz'."),
    (["run", "-o", "{out}"], "Missing argument 'INPUT...'."),
    (["extract", "-o", "{out}"], "Missing argument 'INPUT...'."),
    (["geoparse", "-o", "{out}"], "Missing argument 'FILE|-'."),
])
def test_bad_options_exit_2(invoke: Invoke, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    result = invoke(*(str(out) if a == "{out}" else a for a in args))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not out.exists()


def test_skip_bad_reports_and_still_writes(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text('{"id": "a1", "published": "2025-11-18", "text": "' + KYIV_ODESA + '"}\n'
                      '{"id": "a2", "text": broken}\n', encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("run", source, "-o", out, "--tiles", "none", "--skip-bad")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == f"mapper: skipped: {source}:2: malformed JSON (Expecting value at column 22)"
    assert lines[1].startswith("mapper: 1 articles, 2 incidents (2 strikes), 0 unplaced, 2 day slices")
    features = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["place"] for f in features) == ["Kyiv", "Odesa"]
    assert sorted(p.name for p in out.iterdir()) == [".mapper-store.sqlite", "cities.csv", "incidents.geojson",
                                                    "map.html", "regions.csv",
                                                    "unplaced.csv"]


# ------------------------------------------------------------------------------ stdin


def test_run_reads_json_lines_from_stdin(invoke: Invoke, tmp_path: Path) -> None:
    line = json.dumps({"id": "s1", "title": "Overnight attack", "published": "2025-11-18", "text": KYIV_ODESA})
    out = tmp_path / "out"
    result = invoke("run", "-", "-o", out, "--tiles", "none", "--quiet", stdin=line + "\n")
    assert (result.exit_code, result.stderr) == (0, "")
    features = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    got = sorted((p["place"], p["type"], p["date_start"], p["date_end"], p["sources"][0]["article_id"],
                  p["sources"][0]["title"]) for p in (f["properties"] for f in features))
    assert got == [("Kyiv", "drone_strike", "2025-11-17", "2025-11-18", "s1", "Overnight attack"),
                   ("Odesa", "drone_strike", "2025-11-17", "2025-11-18", "s1", "Overnight attack")]


# ------------------------------------------------------------------------------ extract


def _expected_records(seed_run: SeedRun) -> list[dict]:
    doc = json.loads((seed_run.out / "incidents.geojson").read_text(encoding="utf-8"))
    return [{**f["properties"], "lon": f["geometry"]["coordinates"][0], "lat": f["geometry"]["coordinates"][1]}
            for f in doc["features"]]


def test_extract_to_stdout_equals_geojson_properties(invoke: Invoke, seed_run: SeedRun) -> None:
    result = invoke("extract", SEEDS, "-o", "-")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected = _expected_records(seed_run)
    assert records == expected
    assert result.stderr == f"mapper: 1 articles, {len(expected)} incidents\n"


def test_extract_to_file(invoke: Invoke, seed_run: SeedRun, tmp_path: Path) -> None:
    target = tmp_path / "incidents.jsonl"
    result = invoke("extract", SEEDS, "-o", target, "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == _expected_records(seed_run)


# ------------------------------------------------------------------------------ geoparse

KYIV = {"start": 22, "end": 26, "name": "Kyiv", "lat": 50.45466, "lon": 30.5238, "geonameid": 703448,
        "country": "UA", "admin1_code": "UA-30", "admin1_geonameid": 703447, "feature": "city", "geo_precision": 1}
ODESA = {"start": 31, "end": 36, "name": "Odesa", "lat": 46.48572, "lon": 30.74383, "geonameid": 698740,
         "country": "UA", "admin1_code": "UA-51", "admin1_geonameid": 698738, "feature": "city", "geo_precision": 1}
# a demonym is reported at its country with the feature "demonym" (issue 14): an actor cue, not a scene
#: Russia at its point in data/country_points.csv (midpoint of the Factbook's 60N 100E and its area centre)
RUSSIAN = {"start": 0, "end": 7, "name": "Russian", "lat": 60.8313, "lon": 99.5481, "geonameid": 2017370,
           "country": "RU", "admin1_code": None, "admin1_geonameid": None, "feature": "demonym", "geo_precision": 3}


def _without_score(toponyms: list[dict]) -> list[dict]:
    assert all(isinstance(t.pop("score", None), float) for t in toponyms if t["geonameid"] is not None)
    return toponyms


def test_geoparse_stdin(invoke: Invoke) -> None:
    result = invoke("geoparse", "-", stdin=json.dumps({"id": "a", "text": KYIV_ODESA}) + "\n")
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "a"
    assert _without_score(record["toponyms"]) == [RUSSIAN, KYIV, ODESA]
    assert [KYIV_ODESA[t["start"]:t["end"]] for t in record["toponyms"]] == ["Russian", "Kyiv", "Odesa"]


def test_geoparse_resolve_only_keeps_given_spans(invoke: Invoke, tmp_path: Path) -> None:
    spans = [{"start": 0, "end": 7}, {"start": 22, "end": 26}, {"start": 31, "end": 36}]
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "b", "text": KYIV_ODESA, "toponyms": spans}) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = invoke("geoparse", source, "--resolve-only", "-o", target)
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    # a given demonym span is trusted as a place mention: "Russian" means Russia (country level)
    assert _without_score(record["toponyms"]) == [RUSSIAN, KYIV, ODESA]
    unknown = json.dumps({"id": "c", "text": "Fighting near Xyzzyvillekh.", "toponyms": [{"start": 14, "end": 26}]})
    result = invoke("geoparse", "-", "--resolve-only", stdin=unknown + "\n")
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["toponyms"] == [{"start": 14, "end": 26, "name": "Xyzzyvillekh", "lat": None, "lon": None,
                                   "geonameid": None, "country": None, "admin1_code": None,
                                   "admin1_geonameid": None, "feature": None, "reason": "not in gazetteer"}]


def test_geoparse_bad_offsets(invoke: Invoke, tmp_path: Path) -> None:
    line = json.dumps({"id": "c", "text": KYIV_ODESA, "toponyms": [{"start": 40, "end": 100}]})
    target = tmp_path / "out.jsonl"
    result = invoke("geoparse", "-", "--resolve-only", "-o", target, stdin=line + "\n")
    assert result.exit_code == 1
    assert result.stderr == "mapper: error: <stdin>:1: bad toponyms (toponym offsets 40:100 are outside the text)\n"
    assert not target.exists()


def test_geoparse_rejects_empty_and_binary_files(tmp_path, invoke):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\x00\x01\x02{}")
    res = invoke("geoparse", str(empty))
    assert res.exit_code == 1 and f"mapper: error: {empty}: file is empty" in res.stderr
    res = invoke("geoparse", str(binary))
    assert res.exit_code == 1 and "binary file (NUL bytes in the first 8 KB)" in res.stderr


def test_malformed_json_at_line_end_names_the_right_column(tmp_path, invoke):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Drones hit Kyiv."}\n{"text": \n')
    res = invoke("extract", str(bad))
    assert res.exit_code == 1
    assert f"{bad}:2: malformed JSON (Expecting value at column 10)" in res.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0)
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    with cli._progress(False, 4) as tick:
        for _ in range(3):
            time.sleep(0.25)  # past tqdm's refresh interval, so each tick is drawn
            tick(None)
    shown = term.getvalue()
    assert "3/4 [" in shown and " articles/s]" in shown and "75%" in shown
    with cli._progress(True, 4) as tick:  # --quiet
        assert tick is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    with cli._progress(False, 4) as tick:
        assert tick is None


def test_dask_options_without_the_dask_engine_are_refused(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("run", SEEDS, "-o", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "Error: scheduler is an option of the dask engine" in result.stderr
    assert not (tmp_path / "o").exists()
