"""Main-content extraction of news pages (tests/data/html: pages in the markup of common
news sites, with their article text beside them; figures in bench/html_extract.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

import mapper
from mapper.htmltext import clean, main_text, parse_html
from mapper.ingest import read_articles

PAGES = sorted((Path(__file__).parent / "data" / "html").glob("*.html"))


def _gold(page: Path) -> list[str]:
    return page.with_suffix(".txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_only_article_lines_are_kept(page: Path) -> None:
    [article] = read_articles([str(page)])
    gold = _gold(page)
    lines = article.text.splitlines()
    assert all(line in gold[1:] for line in lines), [x for x in lines if x not in gold[1:]]
    # every paragraph of the body; only 04's standfirst, outside its article body, is lost
    assert len(lines) == len(gold) - 1 - (page.stem == "04_newspaper")


def test_visible_text_has_the_boilerplate_main_text_drops() -> None:
    page = (PAGES[0]).read_text(encoding="utf-8")
    visible = clean("".join(parse_html(page).parts))
    for junk in ("Russian glide bombs kill three in Sumy", "Drones hit Poltava last night as well.",
                 "Explosions reported in Belgorod after drone attack"):
        assert junk in visible and junk not in main_text(page)


def test_boilerplate_headlines_give_no_incidents(services) -> None:
    for page in PAGES:
        [article] = read_articles([str(page)])
        gold = _gold(page)
        from_page = mapper.run([page], services=services, jobs=1).incidents
        from_gold = mapper.run([{"id": page.stem, "title": article.title, "text": "\n".join(gold[1:]),
                                 "published": article.published.isoformat()}], services=services, jobs=1).incidents
        key = ["place", "type", "date_start", "date_end"]
        assert from_page[key].values.tolist() == from_gold[key].values.tolist(), page.stem
    assert len(PAGES) == 6


def test_a_fragment_without_an_article_keeps_its_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "f.html"
    path.write_text("<div>Kyiv</div><nav>Home</nav>", encoding="utf-8")
    assert main_text(path.read_text(encoding="utf-8")) == ""  # too little for an article
    [article] = read_articles([str(path)])
    assert article.text == "Kyiv"


def test_trafilatura_warnings_stay_off_stderr() -> None:
    """trafilatura logs warnings on odd pages ("readability_lxml failed: ..."); with no
    logging set up they must not reach mapper's stderr."""
    import subprocess
    import sys

    code = ("import logging, mapper.htmltext; logging.getLogger('trafilatura.external')"
            ".warning('readability_lxml failed: test'); logging.getLogger('other').warning('shown')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stderr == "shown\n"
