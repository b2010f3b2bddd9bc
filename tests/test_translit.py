"""Ukrainian national transliteration and the settlement table derived with it."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mapper.geo.translit import uk_to_latin

DATA = Path(__file__).resolve().parents[1] / "data"

#: the examples of the table in KMU resolution 55 (2010), plus front-line places
OFFICIAL = [
    ("Згорани", "Zghorany"), ("Розгон", "Rozghon"), ("Щербухи", "Shcherbukhy"),
    ("Гадяч", "Hadiach"), ("Їжакевич", "Yizhakevych"), ("Кадиївка", "Kadyivka"),
    ("Юрій", "Yurii"), ("Яготин", "Yahotyn"), ("Костянтин", "Kostiantyn"),
    ("Знам'янка", "Znamianka"), ("Феодосія", "Feodosiia"), ("Луцьк", "Lutsk"),
    ("Донецьк", "Donetsk"), ("Харків", "Kharkiv"), ("Запоріжжя", "Zaporizhzhia"),
    ("Червоносільське", "Chervonosilske"), ("Новокатеринівка", "Novokaterynivka"),
    ("Роботине", "Robotyne"), ("Кліщіївка", "Klishchiivka"),
    ("Жданівка", "Zhdanivka"), ("Ґорґани", "Gorgany"), ("Єнакієве", "Yenakiieve"),
    ("Житомир", "Zhytomyr"), ("Соломія", "Solomiia"), ("Топорівці", "Toporivtsi"),
    ("Чернігів", "Chernihiv"), ("Шостка", "Shostka"), ("Біла Церква", "Bila Tserkva"),
]


@pytest.mark.parametrize(("uk", "latin"), OFFICIAL)
def test_official_examples(uk: str, latin: str) -> None:
    assert uk_to_latin(uk) == latin


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ", "‘", "`"])
def test_every_apostrophe_is_dropped_and_does_not_open_a_word(apostrophe: str) -> None:
    assert uk_to_latin(f"Знам{apostrophe}янка") == "Znamianka"
    assert uk_to_latin(f"Прип{apostrophe}ять") == "Prypiat"


def test_hyphen_and_space_open_words() -> None:
    assert uk_to_latin("Нью-Йорк") == "Niu-York"
    assert uk_to_latin("Кривий Ріг") == "Kryvyi Rih"
    assert uk_to_latin("Стара Ягідна") == "Stara Yahidna"


def test_case_is_kept_and_all_capitals_stay_capitals() -> None:
    assert uk_to_latin("ЩОРС") == "SHCHORS"
    assert uk_to_latin("ЮРІЙ") == "YURII"
    assert uk_to_latin("ЗГОРАНИ") == "ZGHORANY"
    assert uk_to_latin("щербухи") == "shcherbukhy"
    assert uk_to_latin("Я") == "Ya"


def test_non_ukrainian_characters_pass_through() -> None:
    assert uk_to_latin("Kyiv 2, Київ") == "Kyiv 2, Kyiv"
    assert uk_to_latin("") == ""


def test_y_forms_variant() -> None:
    assert uk_to_latin("Запоріжжя", y_forms=True) == "Zaporizhzhya"
    assert uk_to_latin("Кривий Ріг", y_forms=True) == "Kryvyy Rih"
    assert uk_to_latin("Кліщіївка", y_forms=True) == "Klishchiyivka"
    assert uk_to_latin("Миколаїв", y_forms=True) == "Mykolayiv"
    assert uk_to_latin("Приєднане", y_forms=True) == "Pryyednane"
    assert uk_to_latin("Роботине", y_forms=True) == "Robotyne"


def _settlements() -> list[dict[str, str]]:
    with open(DATA / "ua_settlements.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _find(rows: list[dict[str, str]], name: str) -> list[tuple[str, str, str, str]]:
    return sorted((r["name_uk"], r["category"], r["oblast_code"], r["raion"])
                  for r in rows if r["name"] == name)


def test_settlements_front_line_villages() -> None:
    rows = _settlements()
    assert _find(rows, "Robotyne") == [("Роботине", "C", "UA-23", "Polohivskyi")]
    assert _find(rows, "Klishchiivka") == [("Кліщіївка", "C", "UA-14", "Bakhmutskyi")]
    assert _find(rows, "Synkivka") == [("Синьківка", "C", "UA-63", "Kupianskyi")]
    assert _find(rows, "Chervonosilske") == [("Червоносільське", "C", "UA-14", "Donetskyi")]
    assert _find(rows, "Niu-York") == [("Нью-Йорк", "X", "UA-14", "Bakhmutskyi")]


def test_settlements_regions_whose_katottg_number_differs_from_iso() -> None:
    rows = _settlements()
    assert _find(rows, "Sevastopol") == [("Севастополь", "K", "UA-40", "")]
    assert ("Київ", "K", "UA-30", "") in _find(rows, "Kyiv")
    assert ("Луганськ", "M", "UA-09", "Luhanskyi") in _find(rows, "Luhansk")
    assert ("Чернівці", "M", "UA-77", "Chernivetskyi") in _find(rows, "Chernivtsi")
    assert ("Сімферополь", "M", "UA-43", "Simferopolskyi") in _find(rows, "Simferopol")


def test_settlements_variants_and_shape() -> None:
    rows = _settlements()
    assert list(rows[0]) == ["name", "variants", "name_uk", "category", "oblast_code", "raion", "lon", "lat"]
    by_name = {r["name"]: r for r in rows if r["category"] in ("M", "K")}
    assert by_name["Kryvyi Rih"]["variants"] == "Kryvyy Rih"
    assert by_name["Zaporizhzhia"]["variants"] == "Zaporizhzhya"
    assert by_name["Pokrovsk"]["variants"] == ""
    assert {r["category"] for r in rows} == {"C", "X", "M", "K"}
    keys = [tuple(r.values()) for r in rows]
    assert keys == sorted(set(keys))
    assert all(r["name"].isascii() and r["raion"].isascii() for r in rows)
    # own points (data/build_ua_points.py) lie in Ukraine's bounding box; the others have none
    placed = [r for r in rows if r["lon"]]
    assert 10_000 < len(placed) < len(rows) and all(bool(r["lon"]) == bool(r["lat"]) for r in rows)
    assert all(22.0 < float(r["lon"]) < 40.3 and 44.3 < float(r["lat"]) < 52.4 for r in placed)


def test_every_oblast_code_is_a_ukrainian_region_of_admin1() -> None:
    with open(DATA / "admin1.csv", encoding="utf-8", newline="") as fh:
        ua_codes = {r["code"] for r in csv.DictReader(fh) if r["country"] == "UA" and r["code"]}
    used = {r["oblast_code"] for r in _settlements()}
    assert used <= ua_codes
    assert len(used) == 27
