"""The whole data at fixed addresses, with the dashboard's own filters and notices; the sitemap and robots.txt."""

import io
import json
import zipfile
from urllib.parse import parse_qs
from xml.etree import ElementTree

import pandas as pd
import pytest

from dashboard.export import to_csv
from dashboard.table.address import MAX_NOTICES, parse_query
from dashboard.table.dataset import current
from dashboard.table.filters import apply
from dashboard.text.locale import locale


@pytest.fixture(scope="module")
def loaded():
    return current()


def _expected(loaded, query: str, lang: str = "en") -> tuple[pd.DataFrame, list[str]]:
    filters, notices = parse_query(parse_qs(query, keep_blank_values=True), loaded.views[lang].options, locale(lang))
    return apply(loaded.frame, filters), notices


@pytest.mark.parametrize("query", ["sector=ai", "sector=ai&year=2024-2027", "year=2020", "status=target&status=forecast",
                                   "geo=Hangzhou&geo=Wenzhou", "sector=Artificial%20intelligence", ""])
def test_the_csv_holds_exactly_the_rows_the_dashboards_filters_keep(web, loaded, query):
    answer = web.get(f"/data/figures.csv?{query}")
    assert answer.status_code == 200 and answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.content.startswith(b"\xef\xbb\xbf")
    rows, _ = _expected(loaded, query)
    assert answer.content == to_csv(rows)
    got = pd.read_csv(io.BytesIO(answer.content))
    pd.testing.assert_frame_equal(got, pd.read_csv(io.BytesIO(to_csv(rows))))
    assert len(got) == len(rows)


def test_the_ai_rows(web, loaded):
    got = pd.read_csv(io.BytesIO(web.get("/data/figures.csv?sector=ai").content))
    rows, notices = _expected(loaded, "sector=ai")
    assert set(got["sector"]) == {"ai"} and list(got["figure_id"]) == list(rows["figure_id"]) and not notices
    assert list(got["figure_id"]) == list(loaded.frame[loaded.frame["sector"] == "ai"]["figure_id"])


@pytest.mark.parametrize("query, lang", [("sector=mars&year=20x4&geo=Atlantis&colour=red", "en"),
                                         ("sector=mars&year=2030-2020", "zh"),
                                         ("year=2024&year=2025", "en"),
                                         ("geo=" + "x" * 200, "en")])
def test_values_it_cannot_read_are_ignored_with_the_dashboards_notices(web, loaded, query, lang):
    rows, notices = _expected(loaded, query, lang)
    assert notices
    csv = web.get(f"/data/figures.csv?{query}&lang={lang}")
    assert json.loads(csv.headers["x-dashboard-notices"]) == notices and csv.content == to_csv(rows)
    body = web.get(f"/data/figures.json?{query}&lang={lang}")
    assert body.json()["notices"] == notices == json.loads(body.headers["x-dashboard-notices"])
    assert [f["figure_id"] for f in body.json()["figures"]] == list(rows["figure_id"])


def test_a_reader_cannot_break_the_notices_header(web):
    answer = web.get("/data/figures.csv?sector=%0D%0ASet-Cookie:%20x=1")
    assert "set-cookie" not in answer.headers
    assert "Set-Cookie" in json.loads(answer.headers["x-dashboard-notices"])[0]


def test_an_overlong_address_is_refused_before_it_is_read(web):
    from dashboard.web.routes import MAX_QUERY_BYTES, MAX_QUERY_FIELDS

    for query in ("&".join(f"sector=ai{i}" for i in range(MAX_QUERY_FIELDS)), "q=" + "x" * MAX_QUERY_BYTES):
        for path in ("/data/figures.json", "/figures/zj-gdp-2024", "/charts/ai-target-against-china"):
            answer = web.get(f"{path}?{query}&lang=zh")
            assert answer.status_code == 414 and "text/html" in answer.headers["content-type"]
            assert "The address is too long" in answer.text  # the query is not read, its lang included


def test_many_values_are_read_up_to_the_limit_with_bounded_notices(web, loaded):
    query = "&".join(f"sector=ai{i}" for i in range(150)) + "&sector=ai&year=2024-2027"
    answer = web.get(f"/data/figures.json?{query}")
    assert answer.status_code == 200
    assert answer.json()["notices"] == _expected(loaded, query)[1] and len(answer.json()["notices"]) == MAX_NOTICES + 1
    assert answer.json()["filters"]["year"] == [2024, 2027]


def test_the_json_is_the_whole_tidy_table(web, loaded):
    body = web.get("/data/figures.json").json()
    assert body["count"] == len(loaded.frame) == len(body["figures"]) and body["notices"] == []
    assert list(body["figures"][0]) == list(loaded.frame.columns)
    assert body["filters"]["year"] == list(loaded.views["en"].options.years)
    assert "x-dashboard-notices" not in web.get("/data/figures.json").headers


def test_the_data_package(web, loaded):
    descriptor = web.get("/data/datapackage.json").json()
    assert [f["name"] for f in descriptor["resources"][0]["schema"]["fields"]] == list(loaded.frame.columns)
    answer = web.get("/data/datapackage.zip")
    assert answer.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        assert archive.read("zhejiang-indicators/figures.csv") == to_csv(loaded.frame)
    again = web.get("/data/datapackage.zip", headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304


def test_the_sitemap_lists_every_figure_and_chart_in_both_languages(web, loaded, monkeypatch):
    monkeypatch.setenv("DASHBOARD_BASE_URL", "https://zj.example.org")
    tree = ElementTree.fromstring(web.get("/sitemap.xml").content)
    space = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in tree.findall("s:url/s:loc", space)]
    for figure_id in loaded.frame["figure_id"]:
        for lang in ("en", "zh"):
            assert f"https://zj.example.org/figures/{figure_id}?lang={lang}" in locations
    for story in loaded.stories:
        assert f"https://zj.example.org/charts/{story.id}?lang=zh" in locations
    first = tree.find("s:url", space)
    assert {link.get("hreflang") for link in first.findall("x:link", space)} == {"en", "zh-Hans"}
    robots = web.get("/robots.txt").text
    assert "Sitemap: https://zj.example.org/sitemap.xml" in robots


def test_every_answer_has_an_etag_and_cache_control(web):
    for path in ("/data/figures.csv?sector=ai", "/data/figures.json", "/data/datapackage.json", "/sitemap.xml",
                 "/robots.txt", "/figures/zj-gdp-2024.bib", "/charts/ai-plan-money.csv"):
        answer = web.get(path)
        assert answer.status_code == 200 and answer.headers["etag"] and answer.headers["cache-control"], path
        assert web.get(path, headers={"If-None-Match": answer.headers["etag"]}).status_code == 304, path
    assert web.get("/data/figures.csv?sector=ai").headers["etag"] != web.get("/data/figures.csv?sector=gdp").headers["etag"]


def test_an_etag_is_weak_and_matches_however_it_is_sent(web):
    etag = web.get("/data/figures.json").headers["etag"]
    assert etag.startswith('W/"')
    for asked in (etag, etag.removeprefix("W/"), f'"other", {etag}', "*"):
        assert web.get("/data/figures.json", headers={"If-None-Match": asked}).status_code == 304, asked
    assert web.get("/data/figures.json", headers={"If-None-Match": '"other"'}).status_code == 200


def test_answers_kept_stay_within_their_bounds(web, monkeypatch):
    from dashboard.web import routes

    monkeypatch.setattr(routes, "MAX_CACHED_BYTES", 300_000)
    for year in range(2003, 2028):
        assert web.get(f"/data/figures.csv?year={year}").status_code == 200
    assert routes._kept_bytes[0] == sum(len(answer.body) for answer in routes._answers.values()) <= 300_000
    assert len(routes._answers) <= routes.MAX_CACHED
