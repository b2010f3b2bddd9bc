"""``map.html`` in a real browser: headless Chromium driven by Playwright.

Each test opens a page written by ``mapper run ... --tiles none`` from tiny
articles whose incidents are known (checked with ``mapper extract``), and
reads what the page shows through Leaflet's public API and the DOM: the
circles on the map and their tooltips, the slider, the popups.

The module is skipped when ``/usr/bin/chromium`` or the ``playwright`` package
is missing, except when ``$CI`` is set: there a missing browser is an error,
so the browser tests can never silently vanish from CI.
"""
from __future__ import annotations

import csv
import importlib.util
import os
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from xstatic.pkg import leaflet

from mapper import cli
from mapper.output.atomic import atomic_write
from mapper.pipeline import Services

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install playwright)"
    if not CHROMIUM.is_file():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


_REASON = _missing_browser()
if _REASON is not None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {_REASON}", pytrace=False)
    pytest.skip(f"browser tests skipped: {_REASON}", allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402  (after the skip)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SCREENSHOT = ROOT / "docs" / "map.png"
VIEWPORT = {"width": 1280, "height": 800}
XSS = "</script><img src=x onerror=alert(1)>${alert(2)}`"

# Two articles; ``--slice week`` gives the ISO weeks below (2024-03-03 is a Sunday).
ARTICLES = {
    "kharkiv.txt": (
        "Published: 2024-03-13\nURL: https://news.example/kharkiv\nMorning briefing\n"
        "Russian drones struck Kharkiv on March 3, 2024, damaging a power substation.\n"
        "On March 4, a Russian missile hit Odesa, injuring five people.\n"
        "Kharkiv was shelled again on March 6.\n"
        "From March 1 to March 5, drones attacked Sumy every night.\n"
    ),
    "lviv.txt": (
        "Published: 2024-03-13\nURL: https://news.example/lviv\nEvening briefing\n"
        "On March 4, 2024, Russian missiles struck Lviv and Kharkiv, officials said.\n"
        "Ukrainian and Russian troops clashed near Pokrovsk on March 5.\n"
        "On March 12, drones hit Odesa again.\n"
    ),
}
GEONAMEID = {"Kharkiv": "706483", "Odesa": "698740", "Lviv": "702550", "Sumy": "692194"}
LABELS = {
    -1: "All time",
    0: "week 1/3: 2024-02-26 \u2013 2024-03-03",
    1: "week 2/3: 2024-03-04 \u2013 2024-03-10",
    2: "week 3/3: 2024-03-11 \u2013 2024-03-17",
}
# Strike circles per slice; Sumy's 1-5 March raid counts once in each week it overlaps.
CIRCLES = {
    -1: {"Kharkiv": 3, "Odesa": 2, "Lviv": 1, "Sumy": 1},
    0: {"Kharkiv": 1, "Sumy": 1},
    1: {"Kharkiv": 2, "Lviv": 1, "Odesa": 1, "Sumy": 1},
    2: {"Odesa": 1},
}
# One day of strikes and non-strike incidents, some at the same place (Kharkiv).
MIXED = {"mixed.txt": (
    "Published: 2024-03-13\nURL: https://news.example/mixed\nMixed briefing\n"
    "Russian drones struck Kharkiv on March 3, 2024, damaging a power substation.\n"
    "Ukrainian and Russian troops clashed in Kharkiv on March 3, 2024.\n"
    "Saboteurs blew up a railway bridge in Kharkiv on March 3, 2024.\n"
    "Ukrainian and Russian troops clashed near Chuhuiv on March 3, 2024.\n"
    "Russian missiles struck Lviv on March 3, 2024.\n"
)}
# Non-strike markers (the battle near Pokrovsk, 5 March).
MARKERS = {
    -1: {("Pokrovsk", "ground fighting"): 1},
    0: {},
    1: {("Pokrovsk", "ground fighting"): 1},
    2: {},
}

# Every circle and marker on the map, read from Leaflet's layers and their tooltips,
# once the canvas has painted (Leaflet redraws a canvas on the next animation frame).
_LAYERS_JS = """async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = [];
  window.mapperMap.eachLayer(layer => {
    if (!(layer instanceof L.CircleMarker)) { return; }
    layer.openTooltip();
    const text = layer.getTooltip().getElement().textContent;
    layer.closeTooltip();
    const ll = layer.getLatLng();
    out.push({text: text, lat: ll.lat, lon: ll.lng, radius: layer.getRadius()});
  });
  return out;
}"""
_SLIDER_JS = """(el, value) => {
  el.value = value;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
}"""
# Page coordinates of a place's map position.
_POINT_JS = """([lat, lon]) => {
  const p = window.mapperMap.latLngToContainerPoint([lat, lon]);
  const box = window.mapperMap.getContainer().getBoundingClientRect();
  return [box.left + p.x, box.top + p.y];
}"""
# Every non-strike marker: tooltip text and pixel offset from its place.
_MARKERS_JS = """() => {
  const out = {};
  window.mapperMap.eachLayer(layer => {
    if (layer instanceof L.CircleMarker && layer.options.mapperOffset) {
      layer.openTooltip();
      out[layer.getTooltip().getElement().textContent] = layer.options.mapperOffset;
      layer.closeTooltip();
    }
  });
  return out;
}"""
# Leaflet marks the map while a zoom animation runs.
_ANIMATING_JS = "document.querySelectorAll('.leaflet-zoom-anim').length"
_CIRCLE_RE = re.compile(r"^(.+): (\d+) strikes?(?: \(region/country level\))?$")
_MARKER_RE = re.compile(r"^(.+): (\d+) \u00d7 (.+)$")


@dataclass
class Watched:
    """A page with every request, console error, page error and dialog recorded."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def run_mapper(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Path]]:
    """``run_mapper(inputs, *options)``: ``mapper run inputs -o <tmp> --tiles none``; the folder."""
    services = Services.load()  # about a second: load once, not once per run

    def _run(inputs: Path, *options: str) -> Path:
        out = tmp_path_factory.mktemp("run")
        args = ["run", str(inputs), "-o", str(out), "--tiles", "none", "--quiet", *options]
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(cli, "_services", lambda quiet: services)
            result = CliRunner().invoke(cli.main, args, prog_name="mapper")
        assert result.exit_code == 0, result.output
        return out

    yield _run


def _write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def fixture_run(run_mapper: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-article run, sliced by week."""
    return run_mapper(_write_articles(tmp_path_factory.mktemp("in") / "articles", ARTICLES), "--slice", "week")


@pytest.fixture(scope="module")
def hostile_run(run_mapper: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article with the injection string in its title, its text and beside a place name."""
    text = (f"Published: 2024-03-06\nURL: https://news.example/hostile\nReport {XSS}\n"
            f"Russian drones struck {XSS} Kharkiv on March 3, 2024.\n"
            f"Officials wrote {XSS} in a statement.\n")
    return run_mapper(_write_articles(tmp_path_factory.mktemp("in") / "hostile", {"hostile.txt": text}))


@pytest.fixture(scope="module")
def mixed_run(run_mapper: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Strikes and non-strike incidents at one place, and a battle 35 km from it."""
    return run_mapper(_write_articles(tmp_path_factory.mktemp("in") / "mixed", MIXED))


@pytest.fixture(scope="module")
def seeds_run(run_mapper: Callable[..., Path]) -> Path:
    """The seed articles of the repository (the map shown in the README)."""
    return run_mapper(SEEDS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module (starting it takes about a second)."""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    """A fresh 1280x800 page that records what it asks for and what goes wrong."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    # Nothing may leave the machine: abort anything not local (it is still recorded below).
    context.route(lambda url: not url.startswith(("file:", "data:")), lambda route: route.abort())
    page = context.new_page()
    rec = Watched(page)
    page.on("request", lambda req: rec.requests.append(req.url))
    page.on("websocket", lambda ws: rec.requests.append(ws.url))
    page.on("console", lambda msg: rec.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: rec.errors.append(f"uncaught: {exc}"))

    def on_dialog(dialog: Any) -> None:
        rec.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield rec
    context.close()


# ---------------------------------------------------------------------- helpers
def _open(watched: Watched, run: Path) -> Page:
    page = watched.page
    page.goto((run / "map.html").as_uri())
    page.wait_for_function("window.mapperReady === true")
    assert page.evaluate("typeof window.mapperSetSlice") == "function"
    return page


def _layers(page: Page) -> tuple[dict[str, dict], dict[tuple[str, str], int]]:
    """Strike circles (name -> count, lat, lon, radius) and markers ((name, label) -> count)."""
    circles: dict[str, dict] = {}
    markers: dict[tuple[str, str], int] = {}
    for layer in page.evaluate(_LAYERS_JS):
        circle, marker = _CIRCLE_RE.match(layer["text"]), _MARKER_RE.match(layer["text"])
        if marker:
            assert (marker[1], marker[3]) not in markers, f"two markers for {marker[1]}"
            markers[(marker[1], marker[3])] = int(marker[2])
        else:
            assert circle, f"unexpected tooltip {layer['text']!r}"
            assert circle[1] not in circles, f"two circles for {circle[1]}"
            circles[circle[1]] = {**layer, "count": int(circle[2])}
    return circles, markers


def _cities(run: Path) -> list[dict[str, str]]:
    with open(run / "cities.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _check_view(page: Page, index: int) -> None:
    circles, markers = _layers(page)
    assert {name: c["count"] for name, c in circles.items()} == CIRCLES[index]
    assert markers == MARKERS[index]
    assert page.evaluate("window.mapperVisibleCounts()") == {
        GEONAMEID[name]: n for name, n in CIRCLES[index].items()}
    assert page.locator(".mapper-slice-label").text_content() == LABELS[index]
    assert page.locator("input.mapper-slider").input_value() == str(index + 1)


def _click_place(page: Page, lat: float, lon: float) -> None:
    x, y = page.evaluate(_POINT_JS, [lat, lon])
    # Panels could cover a circle; the click must land on Leaflet's canvas itself.
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).tagName", [x, y]) == "CANVAS"
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .mapper-popup")


def _hover(page: Page, lat: float, lon: float, offset: tuple[int, int] = (0, 0)) -> str:
    """The tooltip shown with the mouse ``offset`` pixels from a place."""
    # Leaflet's canvas ignores a mouse move that comes within 32 ms of the last one it handled.
    page.wait_for_timeout(50)
    page.mouse.move(640, 5)  # off the map's features: closes any open tooltip
    page.wait_for_selector(".leaflet-tooltip", state="detached")
    page.wait_for_timeout(50)
    x, y = page.evaluate(_POINT_JS, [lat, lon])
    page.mouse.move(x + offset[0], y + offset[1])
    return page.locator(".leaflet-tooltip").text_content()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# ---------------------------------------------------------------------- tests
def test_page_loads_offline_without_errors(watched: Watched, fixture_run: Path) -> None:
    page = _open(watched, fixture_run)
    assert page.evaluate(_ANIMATING_JS) == 0, "the first view must not be a zoom animation"
    page.evaluate(_LAYERS_JS)  # let the first frame paint before collecting
    assert watched.errors == []
    assert watched.dialogs == []
    assert watched.requests[0] == (fixture_run / "map.html").as_uri()
    leaving = [url for url in watched.requests if not url.startswith(("file:", "data:"))]
    assert leaving == []
    # Leaflet was inlined from xstatic-leaflet, not fetched.
    assert page.evaluate("typeof L === 'object' && L.version") == leaflet.VERSION
    assert page.locator(".leaflet-control-layers").count() == 1


def test_slider_element_shows_each_slice(watched: Watched, fixture_run: Path) -> None:
    page = _open(watched, fixture_run)
    slider = page.locator("input.mapper-slider")
    assert slider.get_attribute("type") == "range"
    assert (slider.get_attribute("min"), slider.get_attribute("max")) == ("0", "3")
    _check_view(page, -1)
    for index in (1, 0, 2, -1):  # out of order: every view must be drawn from scratch
        slider.evaluate(_SLIDER_JS, str(index + 1))
        _check_view(page, index)
    assert watched.errors == []


def test_set_slice_hook_shows_each_slice(watched: Watched, fixture_run: Path) -> None:
    page = _open(watched, fixture_run)
    for index in (2, 1, -1, 0):
        page.evaluate("i => window.mapperSetSlice(i)", index)
        _check_view(page, index)
    assert watched.errors == []


def test_circle_area_follows_count(watched: Watched, fixture_run: Path) -> None:
    page = _open(watched, fixture_run)
    circles, _ = _layers(page)
    area_per_strike = {name: c["radius"] ** 2 / c["count"] for name, c in circles.items()}
    assert max(area_per_strike.values()) == pytest.approx(min(area_per_strike.values()))
    assert circles["Kharkiv"]["radius"] > circles["Odesa"]["radius"] > circles["Lviv"]["radius"]


@pytest.mark.parametrize("which", ["fixture", "seeds"])
def test_all_time_equals_cities_csv(watched: Watched, which: str, request: pytest.FixtureRequest) -> None:
    run = request.getfixturevalue(f"{which}_run")
    page = _open(watched, run)
    page.evaluate("window.mapperSetSlice(0)")
    page.locator("input.mapper-slider").evaluate(_SLIDER_JS, "0")  # back to "all time" by hand
    circles, _ = _layers(page)
    cities = _cities(run)
    expected = {row["place"]: int(row["strikes"]) for row in cities if int(row["strikes"])}
    assert expected, "the run has no strikes: the comparison would be empty"
    assert {name: c["count"] for name, c in circles.items()} == expected
    assert page.evaluate("window.mapperVisibleCounts()") == {
        row["geonameid"]: int(row["strikes"]) for row in cities if int(row["strikes"])}
    for row in cities:
        if row["place"] in circles:
            assert circles[row["place"]]["lat"] == pytest.approx(float(row["lat"]), abs=1e-5)
            assert circles[row["place"]]["lon"] == pytest.approx(float(row["lon"]), abs=1e-5)


def test_popup_shows_source_sentences(watched: Watched, fixture_run: Path) -> None:
    page = _open(watched, fixture_run)
    page.evaluate("window.mapperSetSlice(1)")
    kharkiv = _layers(page)[0]["Kharkiv"]
    _click_place(page, kharkiv["lat"], kharkiv["lon"])
    popup = page.locator(".leaflet-popup-content .mapper-popup")
    assert popup.locator("h3").text_content() == "Kharkiv"
    assert popup.locator(".mapper-incident-head").all_text_contents() == [
        "2024-03-04 \u00b7 Missile strike", "2024-03-06 \u00b7 Shelling"]
    assert popup.locator("blockquote.mapper-quote").all_text_contents() == [
        "On March 4, 2024, Russian missiles struck Lviv and Kharkiv, officials said.",
        "Kharkiv was shelled again on March 6.",
    ]
    links = popup.locator(".mapper-source a")
    assert links.all_text_contents() == ["Evening briefing", "Morning briefing"]
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "https://news.example/lviv", "https://news.example/kharkiv"]
    assert watched.errors == []


def test_hostile_text_is_shown_literally(watched: Watched, hostile_run: Path) -> None:
    page = _open(watched, hostile_run)
    kharkiv = _layers(page)[0]["Kharkiv"]
    _click_place(page, kharkiv["lat"], kharkiv["lon"])
    page.wait_for_timeout(200)  # give any injected handler (img onerror) time to fire
    assert watched.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    popup = page.locator(".leaflet-popup-content .mapper-popup")
    assert popup.locator("blockquote.mapper-quote").all_text_contents() == [
        f"Russian drones struck {XSS} Kharkiv on March 3, 2024."]
    assert popup.locator(".mapper-source a").all_text_contents() == [f"Report {XSS}"]
    assert watched.errors == []


def test_seed_map_screenshot(watched: Watched, seeds_run: Path, tmp_path: Path) -> None:
    """The seed's map renders as the README's picture (all-time view).  The picture is
    written to a temporary folder; ``MAPPER_UPDATE_SCREENSHOT=1`` writes it to
    ``docs/map.png`` instead (a test run leaves the checkout as it was)."""
    target = SCREENSHOT if os.environ.get("MAPPER_UPDATE_SCREENSHOT") == "1" else tmp_path / "map.png"
    page = _open(watched, seeds_run)
    # An animated first zoom would be caught mid-way: stretched, blurred circles.
    assert page.evaluate(_ANIMATING_JS) == 0
    circles, _ = _layers(page)
    assert len(circles) == sum(1 for row in _cities(seeds_run) if int(row["strikes"]))
    png = page.screenshot(type="png")
    assert _png_size(png) == (1280, 800)
    with atomic_write(target, "wb") as fh:
        fh.write(png)
    assert target.read_bytes() == png
    assert watched.errors == []


def test_ready_flag_and_event_come_once(watched: Watched, fixture_run: Path) -> None:
    watched.page.add_init_script(
        "window.readyEvents = 0; window.addEventListener('mapper-ready', () => { window.readyEvents += 1; });")
    page = _open(watched, fixture_run)
    page.evaluate("window.mapperSetSlice(1)")  # later redraws are not "ready" again
    assert page.evaluate("[window.readyEvents, window.mapperReady]") == [1, True]
    assert watched.errors == []


def test_browser_without_decompression_gets_a_message(watched: Watched, fixture_run: Path) -> None:
    page = watched.page
    page.add_init_script("delete window.DecompressionStream;")
    page.goto((fixture_run / "map.html").as_uri())
    message = page.locator(".mapper-problem[role=alert]")
    assert message.text_content() == (
        "This map needs a newer web browser: its data are compressed, and this browser cannot decompress "
        "them (no DecompressionStream). Open it in Chrome or Edge 80+, Firefox 113+ or Safari 16.4+.")
    assert message.is_visible()
    assert page.evaluate("[window.mapperReady, typeof window.mapperSetSlice]") == [None, "undefined"]
    assert watched.errors == []


def test_damaged_data_gets_a_message(watched: Watched, fixture_run: Path, tmp_path: Path) -> None:
    page_text = (fixture_run / "map.html").read_text(encoding="utf-8")
    damaged, n = re.subn(r'(id="mapper-data" data-encoding="base64">)[^<]*', r"\1AAAAAAAA", page_text)
    assert n == 1
    (tmp_path / "map.html").write_text(damaged, encoding="utf-8")
    page = watched.page
    page.goto((tmp_path / "map.html").as_uri())
    message = page.locator(".mapper-problem[role=alert]")
    assert message.text_content().startswith("This map could not be drawn: its embedded data are damaged")
    assert page.evaluate("window.mapperReady") is None
    assert len(watched.errors) == 1  # the decoding error, reported on the console


def test_markers_sit_beside_circles_which_draw_on_top(watched: Watched, mixed_run: Path) -> None:
    page = _open(watched, mixed_run)
    circles, markers = _layers(page)
    assert {name: c["count"] for name, c in circles.items()} == {"Kharkiv": 1, "Lviv": 1}
    assert markers == {("Kharkiv", "ground fighting"): 1, ("Kharkiv", "sabotage"): 1,
                       ("Chuhuyiv", "ground fighting"): 1}
    # Outside Kharkiv's circle (radius 8 + 1 px stroke), each type in its own slot
    # (east, north-east); a lone marker without a circle stays on its place.
    assert page.evaluate(_MARKERS_JS) == {"Kharkiv: 1 \u00d7 ground fighting": [16, 0],
                                          "Kharkiv: 1 \u00d7 sabotage": [11, -11],
                                          "Chuhuyiv: 1 \u00d7 ground fighting": [0, 0]}
    kharkiv, chuhuiv = circles["Kharkiv"], (49.83538, 36.6865)
    assert kharkiv["radius"] == 8
    assert _hover(page, kharkiv["lat"], kharkiv["lon"]) == "Kharkiv: 1 strike"
    assert _hover(page, kharkiv["lat"], kharkiv["lon"], (16, 0)) == "Kharkiv: 1 \u00d7 ground fighting"
    assert _hover(page, kharkiv["lat"], kharkiv["lon"], (11, -11)) == "Kharkiv: 1 \u00d7 sabotage"
    assert _hover(page, *chuhuiv) == "Chuhuyiv: 1 \u00d7 ground fighting"
    # Zoomed out, Chuhuiv (35 km away) lies inside Kharkiv's circle: the circle is on top.
    page.evaluate("([lat, lon]) => { window.mapperMap.setView([lat, lon], 3, {animate: false}); }",
                  [kharkiv["lat"], kharkiv["lon"]])
    page.evaluate(_LAYERS_JS)  # let the canvas repaint
    assert _hover(page, *chuhuiv) == "Kharkiv: 1 strike"
    assert watched.errors == []
