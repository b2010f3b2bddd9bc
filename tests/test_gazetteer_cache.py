"""The gazetteer cache file: data only, versioned, rebuilt when foreign or damaged, built
once under a lock, older formats removed."""
from __future__ import annotations

import fcntl
import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from hostile import pickle_bomb
from mapper.geo import cachefile
from mapper.geo.gazetteer import INDEX_VERSION, Gazetteer, cache_dir


def _tiny() -> Gazetteer:
    """Every shape of field: floats, optional ints and strings (with "" and None), pair tuples, dicts."""
    return Gazetteer(names=["Kyiv", "", "Lviv"], lon=[30.5234, 0.0, 24.0297], lat=[50.4501, -0.5, 49.8397],
                     country=["UA", "UA", "UA"], admin1=["UA.12", None, ""], kind=[0, 1, 0],
                     geonameid=[703448, None, 702550], population=[2_797_553, 0, 717_803],
                     index={"kyiv": 1, "lviv": -1, "": 4}, aliases={"kiev": 0}, demonyms={},
                     common={"kyiv": 3.25}, country_entry={"UA": 1}, admin1_entry={},
                     shared=[((0, True), (2, False)), ()], digest="abc", max_tokens=3)


def test_round_trip_of_every_field_shape(tmp_path: Path) -> None:
    gaz = _tiny()
    path = tmp_path / "g.npz"
    cachefile.write(gaz, path)
    back = cachefile.read(Gazetteer, path, "abc")
    assert back == gaz
    assert back.shared == [((0, True), (2, False)), ()] and back.candidates("lviv") == ((0, True), (2, False))
    assert type(back.lon[1]) is float and back.admin1[1] is None and back.geonameid[1] is None


def test_shipped_cache_round_trips(services) -> None:
    gaz = services.gazetteer
    path = cache_dir() / cachefile.cache_name(INDEX_VERSION, gaz.digest)
    assert cachefile.read(Gazetteer, path, gaz.digest) == gaz


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def _inside_an_entry(path: Path) -> int:
    """An offset in the middle of the stored data of the file's middle entry (a byte of a
    local header the central directory repeats may be damaged unnoticed)."""
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
    info = entries[len(entries) // 2]
    raw = path.read_bytes()
    name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26:info.header_offset + 30])
    return info.header_offset + 30 + name_len + extra_len + info.compress_size // 2


@pytest.mark.reliability("a damaged, truncated or foreign gazetteer cache file")
def test_damaged_foreign_or_other_files_read_as_absent(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "g.npz"
    cachefile.write(_tiny(), path)
    good = path.read_bytes()
    assert cachefile.read(Gazetteer, path, "abc") is not None
    assert cachefile.read(Gazetteer, path, "other sources") is None
    for bad in (good[:len(good) // 2], _flip(good, _inside_an_entry(path)), b"", b"not a zip", pickle_bomb(marker),
                good.replace(b'"format": 1', b'"format": 9')):
        path.write_bytes(bad)
        assert cachefile.read(Gazetteer, path, "abc") is None
    assert not marker.exists()


@pytest.mark.reliability("a gazetteer cache that runs code when unpickled, and caches of older formats")
def test_bomb_in_the_cache_is_rebuilt_and_old_caches_removed(services, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    cache = tmp_path / "cache"
    cache.mkdir()
    digest = services.gazetteer.digest
    (cache / cachefile.cache_name(INDEX_VERSION, digest)).write_bytes(pickle_bomb(marker))
    (cache / f"gazetteer-6-{digest}.pickle").write_bytes(pickle_bomb(marker))  # what mapper wrote before
    (cache / "gazetteer-6-0123456789ab.v0.npz").write_bytes(b"an older format")
    other = cache / cachefile.cache_name(INDEX_VERSION, "0123456789ab")  # another install's sources
    other.write_bytes(b"recent")
    unused = cache / cachefile.cache_name(INDEX_VERSION, "ba9876543210")
    unused.write_bytes(b"unused for long")
    month = time.time() - (cachefile.KEEP_UNUSED_DAYS + 1) * 86400
    os.utime(unused, (month, month))
    (cache / "online-geocoder.sqlite").write_bytes(b"not ours to remove")
    gaz = Gazetteer.load(cache=cache)
    assert not marker.exists()
    assert gaz == services.gazetteer
    assert sorted(p.name for p in cache.iterdir()) == sorted([
        cachefile.cache_name(INDEX_VERSION, digest), other.name, "gazetteer.lock", "online-geocoder.sqlite"])


def _waiting_on(path: Path) -> bool:
    """Whether a process waits for a lock on ``path`` (Linux's /proc/locks)."""
    inode = os.stat(path).st_ino
    with open("/proc/locks", encoding="ascii") as fh:
        return any("->" in line and line.split()[6].endswith(f":{inode}") for line in fh)


@pytest.mark.reliability("two processes starting on an empty gazetteer cache")
def test_a_second_process_waits_for_the_first_build(services, tmp_path: Path) -> None:
    """While one process holds the build lock, another waits; it then loads the file the
    first one wrote instead of building its own (the file is not replaced)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    name = cachefile.cache_name(INDEX_VERSION, services.gazetteer.digest)
    built = tmp_path / "built.npz"
    shutil.copyfile(cache_dir() / name, built)
    lock = os.open(cache / "gazetteer.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # this test is the first process, building
    try:
        proc = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; "
                                 "from mapper.geo.gazetteer import Gazetteer; "
                                 "print(len(Gazetteer.load(cache=Path(sys.argv[1])).names))", str(cache)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while not _waiting_on(cache / "gazetteer.lock"):
            assert proc.poll() is None and time.monotonic() < deadline, "the second process never waited"
            time.sleep(0.01)
        os.replace(built, cache / name)  # the first build is done ...
        inode = os.stat(cache / name).st_ino
    finally:
        os.close(lock)  # ... and releases the lock
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and err == "", err
    assert out == f"{len(services.gazetteer.names)}\n"
    assert os.stat(cache / name).st_ino == inode  # loaded, not built again
