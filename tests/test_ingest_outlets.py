"""Outlet names read from texts and feeds, and datelines under a date line.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from warta.ingest.metadata import make_article, read_dateline
from warta.ingest.outlets import outlet_key, outlet_name, site_name

BODY = "Warga kota berkumpul di alun-alun untuk merayakan hari jadi kota."


@pytest.mark.parametrize(
    ("token", "name"),
    [
        # the table: all-capital domains and wire abbreviations no rule can spell out
        ("WARTANUSANTARA.id", "Warta Nusantara"),
        ("radarselatan.id", "Radar Selatan"),
        ("KBN", "Kantor Berita Nusa"),
        ("CNNIndonesia.com", "CNN Indonesia"),
        # CamelCase domains are spelled out
        ("SuaraTimur.co.id", "Suara Timur"),
        ("KabarKotaUji.com", "Kabar Kota Uji"),
        # everything else as written
        ("KOMPAS.com", "KOMPAS.com"),
        ("Liputan6.com", "Liputan6.com"),
        ("ANTARA", "ANTARA"),
        ("SINDOnews.com", "SINDOnews.com"),  # an acronym joined to a word: ambiguous, kept
        ("detikNews", "detikNews"),
        ("JUARa.net", "JUARa.net"),  # a typo is not two words
        ("Kabar Uji", "Kabar Uji"),
        (None, None),
        ("  ", None),
    ],
)
def test_outlet_name(token: str | None, name: str | None) -> None:
    assert outlet_name(token) == name


def test_outlet_key_unites_spellings() -> None:
    keys = {outlet_key(t) for t in ("WARTANUSANTARA.id", "wartanusantara.id", "Warta Nusantara",
                                    "https://www.wartanusantara.id/berita")}
    assert keys == {"wartanusantara"}


@pytest.mark.parametrize(
    ("title", "link", "name"),
    [
        ("Berita Kini - Berita Terkini", None, "Berita Kini"),
        ("Kabar Uji | Kabar Terpercaya", None, "Kabar Uji"),
        ("Kabar Uji – Kabar Terpercaya", None, "Kabar Uji"),
        ("SuaraTimur.co.id", None, "Suara Timur"),
        (None, "https://www.kabaruji.id/rss", "kabaruji.id"),
        ("  ", "https://wartanusantara.id/", "Warta Nusantara"),
        (None, None, None),
    ],
)
def test_site_name(title: str | None, link: str | None, name: str | None) -> None:
    assert site_name(title, link) == name


def test_outlet_from_the_text_gets_its_readable_name_but_input_wins() -> None:
    text = f"SAMARINDA, RADARSELATAN.ID — {BODY}"
    assert make_article(text, "x.txt", 1000).outlet == "Radar Selatan"
    assert make_article(text, "x.jsonl", 1000, outlet="RADARSELATAN.ID").outlet == "RADARSELATAN.ID"


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("Senin, 13 Januari 2025 | 10:42 WIB", "2025-01-13T10:42:00+07:00"),
        ("Rabu, 21 Mei 2025 - 14:25", "2025-05-21T14:25:00"),
        ("Kamis, 6 Feb 2025 16:20 WITA", "2025-02-06T16:20:00+08:00"),
        ("Diterbitkan 16 April 2025, 15:05 WIB", "2025-04-16T15:05:00+07:00"),
    ],
)
@pytest.mark.parametrize(
    ("opening", "city", "outlet"),
    [
        ("SAMARINDA, KABARUJI.id - ", "SAMARINDA", "KABARUJI.id"),
        ("MAKASSAR, RADARSELATAN.ID — ", "MAKASSAR", "Radar Selatan"),
        ("Samarinda (KBN) - ", "Samarinda", "Kantor Berita Nusa"),
        ("JurnalPagi.com, Jakarta – ", "Jakarta", "Jurnal Pagi"),
        ("SuaraTimur.co.id - ", None, "Suara Timur"),
    ],
)
def test_dateline_after_a_date_line(date_line: str, published: str, opening: str, city: str | None,
                                    outlet: str) -> None:
    """The date line under the title gives ``published``; the dateline below it is still read."""
    art = make_article(f"{date_line}\n\n{opening}{BODY}", "x.txt", 1000)
    assert (art.dateline, art.outlet) == (city, outlet)
    assert (art.published, art.published_source) == (published, "text")
    assert art.text == f"{opening}{BODY}"


@pytest.mark.parametrize(
    "line",
    [
        "Senin, Kabar Uji - Warga berkumpul di alun-alun.",
        "RABU - Warga berkumpul di alun-alun.",
        "Jumat, 7 Februari 2025 - 09:40 | diperbarui 10:15",
    ],
)
def test_a_weekday_is_never_a_dateline_city(line: str) -> None:
    city, _ = read_dateline(line)
    assert city is None
    assert make_article(f"{line}\n\n{BODY}", "x.txt", 1000).dateline is None
