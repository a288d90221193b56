"""Each figure at its own address: the page in both languages, its JSON-LD, link previews, citations and files."""

import io
import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from dashboard.table.dataset import current
from dashboard.text.citations import sentence_link

HOSTILE = "</script><script>alert(1)</script> **bold** [x](javascript:alert(1)) <b>hi</b> & more"


class Page(HTMLParser):
    """The parts of a page the tests read: <html lang>, meta tags, links, scripts and their text, the visible text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang, self.meta, self.links, self.scripts, self.anchors, self.text = None, {}, [], [], [], []
        self._script = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta":
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "a":
            self.anchors.append(attrs)
        elif tag == "script":
            self._script = [attrs, ""]

    def handle_endtag(self, tag):
        if tag == "script" and self._script:
            self.scripts.append(tuple(self._script))
            self._script = None

    def handle_data(self, data):
        if self._script:
            self._script[1] += data
        else:
            self.text.append(data)

    def json_ld(self) -> dict:
        [block] = [text for attrs, text in self.scripts if attrs.get("type") == "application/ld+json"]
        return json.loads(block)

    @property
    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def page(web, path: str, **headers) -> Page:
    answer = web.get(path, headers=headers)
    assert answer.status_code == 200, (path, answer.status_code)
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    return Page(answer.text)


@pytest.fixture(scope="module")
def loaded():
    return current()


def test_every_figure_answers_in_both_languages(web, loaded):
    for figure_id in loaded.frame["figure_id"]:
        for lang, tag in (("en", "en"), ("zh", "zh-Hans")):
            shown = page(web, f"/figures/{figure_id}?lang={lang}")
            assert shown.lang == tag
            row = loaded.views[lang].frame.set_index("figure_id").loc[figure_id]
            assert row["value_text"] in shown.visible and row["indicator"] in shown.visible


def test_json_ld_is_an_observation_or_a_claim_with_value_unit_date_and_source(web, loaded):
    for row in loaded.frame.itertuples():
        found = page(web, f"/figures/{row.figure_id}").json_ld()
        assert found["@context"] == "https://schema.org" and found["url"] == f"/figures/{row.figure_id}"
        article = found["isBasedOn"][0] if row.status == "derived" else found["isBasedOn"]
        assert article["headline"] == row.source_title and article["datePublished"] == row.published
        assert found["citation"]["text"] == row.quote and found["citation"]["isPartOf"]["headline"] == row.source_title
        if isinstance(row.url, str):
            assert found["citation"]["isPartOf"]["url"] == row.url
        date = row.period.replace("-", "/") if isinstance(row.period, str) else None
        if row.status in ("target", "forecast", "policy"):
            assert found["@type"] == "Claim"
            measured = found["about"]
            assert found.get("temporalCoverage") == date
        else:
            assert found["@type"] == "Observation"
            measured = found
            assert found.get("observationDate") == date
            assert found["variableMeasured"]["name"] == row.indicator
            assert found["observationAbout"]["name"] == row.geography
            assert found["measurementQualifier"] == row.qualifier
        assert measured["value"] == row.value and measured["unitText"] == row.unit_label
    assert web.get("/figures/zj-gdp-2024.json").json() == page(web, "/figures/zj-gdp-2024").json_ld()
    assert web.get("/figures/zj-gdp-2024.json").headers["content-type"].startswith("application/ld+json")


def test_link_previews_name_the_figure_its_value_and_its_source(web, loaded):
    row = loaded.frame.set_index("figure_id").loc["zj-gdp-2024"]
    meta = page(web, "/figures/zj-gdp-2024").meta
    assert meta["og:title"] == meta["twitter:title"] == f"Gross domestic product, Zhejiang, 2024: {row['value_text']}"
    assert row["publisher"] in meta["og:description"] and row["source_title"] in meta["og:description"]
    assert meta["og:description"] == meta["twitter:description"] == meta["description"]
    assert meta["og:url"] == "/figures/zj-gdp-2024?lang=en" and meta["twitter:card"] == "summary"
    assert meta["og:locale"] == "en_US" and meta["og:locale:alternate"] == "zh_CN"
    chinese = page(web, "/figures/zj-gdp-2024?lang=zh").meta
    assert chinese["og:title"].startswith("地区生产总值") and "：超过9万亿元" in chinese["og:title"]  # the Chinese colon
    assert chinese["og:locale"] == "zh_CN"


def test_both_languages_are_linked_and_the_chinese_page_is_in_chinese(web):
    shown = page(web, "/figures/zj-gdp-2024?lang=zh")
    alternates = {link["hreflang"]: link["href"] for link in shown.links if link.get("rel") == "alternate"}
    assert alternates == {"en": "/figures/zj-gdp-2024?lang=en", "zh-Hans": "/figures/zj-gdp-2024?lang=zh"}
    assert {"href": "/figures/zj-gdp-2024?lang=en", "hreflang": "en", "lang": "en"} in shown.anchors
    assert "文章原话" in shown.visible and "引用此数据" in shown.visible and "Cite this figure" not in shown.visible
    browser = page(web, "/figures/zj-gdp-2024", **{"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
    assert browser.lang == "zh-Hans"


def test_the_page_shows_the_quote_with_its_number_marked_and_links_to_the_sentence(web, loaded):
    row = loaded.frame.set_index("figure_id").loc["zj-gdp-2024"]
    answer = web.get("/figures/zj-gdp-2024")
    assert "surpassed <mark>9 trillion</mark> yuan" in answer.text
    hrefs = [anchor["href"] for anchor in Page(answer.text).anchors]
    assert sentence_link(row["url"], row["quote"]) in hrefs and row["url"] in hrefs
    assert f"/sectors?sector={row['sector']}&year=2024-2024&lang=en" in hrefs


def test_a_figure_without_an_address_says_so(web, loaded):
    unlinked = loaded.frame[loaded.frame["url"].isna()]
    if unlinked.empty:
        pytest.skip("every article in the data has an address")
    assert "No link known for this article." in page(web, f"/figures/{unlinked['figure_id'].iat[0]}").visible


def test_a_derived_figure_links_its_formula_inputs(web, loaded):
    row = loaded.frame[loaded.frame["status"] == "derived"].iloc[0]
    shown = page(web, f"/figures/{row['figure_id']}")
    hrefs = [anchor["href"] for anchor in shown.anchors]
    for figure_id in row["derived_inputs"].split():
        assert f"/figures/{figure_id}?lang=en" in hrefs
    assert "Computed by the dashboard from these figures" in shown.visible
    assert page(web, f"/figures/{row['figure_id']}").json_ld()["measurementMethod"]


def test_citations_name_the_article_its_author_the_curators_date_and_the_figures_address(web, loaded, monkeypatch):
    row = loaded.frame.set_index("figure_id").loc["zj-gdp-2024"]
    source = loaded.sources[row["source_id"]]
    text = page(web, "/figures/zj-gdp-2024").visible
    assert f"{row['url']}, accessed {source.accessed.isoformat()}. Via Zhejiang Indicators Dashboard" in text
    assert "/figures/zj-gdp-2024, accessed" in text and "http://testserver" not in text
    bib = web.get("/figures/zj-gdp-2024.bib").text
    assert "author = {Chen Ye}" in bib and row["url"] in bib and f"urldate = {{{source.accessed.isoformat()}}}" in bib
    assert "url = {/figures/zj-gdp-2024}" in bib
    chinese = page(web, "/figures/zj-gdp-2024?lang=zh").visible
    assert f"[EB/OL]. 中国日报网, (2025-02-05)[{source.accessed.isoformat()}]" in chinese
    monkeypatch.setenv("DASHBOARD_BASE_URL", "https://zj.example.org/")
    shown = page(web, "/figures/zj-gdp-2024")
    assert "url = {https://zj.example.org/figures/zj-gdp-2024}" in shown.visible
    assert [link["href"] for link in shown.links if link.get("rel") == "canonical"] == [
        "https://zj.example.org/figures/zj-gdp-2024?lang=en"]
    assert shown.json_ld()["@id"] == "https://zj.example.org/figures/zj-gdp-2024"


def test_a_publisher_without_a_byline_is_a_corporate_author(web, loaded):
    row = loaded.frame[loaded.frame["author"].isna()].iloc[0]
    assert f"author = {{{{{row['publisher']}}}}}" in web.get(f"/figures/{row['figure_id']}.bib").text


def test_the_figure_csv_is_its_row_of_the_download(web, loaded):
    answer = web.get("/figures/zj-gdp-2024.csv")
    assert answer.headers["content-type"] == "text/csv; charset=utf-8" and answer.content.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(answer.content))
    assert list(back.columns) == list(loaded.frame.columns) and list(back["figure_id"]) == ["zj-gdp-2024"]


def test_a_page_asks_no_host_but_its_own(web):
    shown = page(web, "/figures/zj-gdp-2024")
    assert all(attrs.get("src", "/").startswith("/") for attrs, _ in shown.scripts)
    assert all(link["href"].startswith(("/", "data:")) for link in shown.links)  # data: the empty icon, asked of no one
    answer = web.get("/figures/zj-gdp-2024")
    assert "default-src 'self'" in answer.headers["content-security-policy"]


def test_an_unknown_figure_is_a_readable_page_in_the_readers_language(web):
    answer = web.get("/figures/no-such-figure?lang=zh")
    assert answer.status_code == 404 and answer.headers["content-type"] == "text/html; charset=utf-8"
    shown = Page(answer.text)
    assert shown.lang == "zh-Hans" and "未找到" in shown.visible and "/figures/no-such-figure" in shown.visible
    assert "Traceback" not in answer.text
    assert web.get("/figures/no-such-figure.json").status_code == 404
    long = web.get("/figures/" + "x" * 5000 + "<script>")
    assert long.status_code == 404 and "<script>" not in long.text.split("</style>", 1)[1]


def test_etag_and_a_conditional_request(web, web_data):
    first = web.get("/figures/zj-gdp-2024")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public")
    again = web.get("/figures/zj-gdp-2024", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag and not again.content
    assert web.get("/figures/zj-gdp-2024?lang=zh").headers["etag"] != etag
    web_data.replace("value: 9000000000000\n    qualifier: more than", "value: 9000000000000\n    qualifier: about")
    edited = web.get("/figures/zj-gdp-2024", headers={"If-None-Match": etag})
    assert edited.status_code == 200 and edited.headers["etag"] != etag and "about 9 trillion yuan" in edited.text


def test_bad_data_files_answer_a_readable_503(web, web_data):
    web_data.replace("geography: Zhejiang", "geography: [unclosed")
    for path in ("/figures/zj-gdp-2024?lang=zh", "/charts/ai-plan-money", "/data/figures.csv"):
        answer = web.get(path)
        assert answer.status_code == 503 and "Traceback" not in answer.text
    assert "数据无法显示" in Page(web.get("/figures/zj-gdp-2024?lang=zh").text).visible


def test_data_text_is_always_text(web, web_data):
    web_data.replace('quote: "In 2024, Zhejiang\'s economic output surpassed 9 trillion yuan',
                     f'quote: "{HOSTILE.replace(chr(34), "")} In 2024, Zhejiang\'s economic output surpassed 9 trillion yuan')
    web_data.replace("    usd: {value: 1240000000000}\n",
                     f"    usd: {{value: 1240000000000}}\n"
                     f"    note: '{HOSTILE}'\n    note_zh: '注意{HOSTILE}'\n")
    web_data.replace("headline: Zhejiang becoming model", "headline: Zhejiang <img src=x onerror=alert(2)> becoming model",
                     web_data.source("chinadaily-2025-02-05-common-prosperity"))
    for lang in ("en", "zh"):
        answer = web.get(f"/figures/zj-gdp-2024?lang={lang}")
        assert answer.status_code == 200
        assert "<script>alert" not in answer.text and "<img src=x" not in answer.text and "<b>hi</b>" not in answer.text
        shown = Page(answer.text)
        assert HOSTILE in shown.visible and "<img src=x onerror=alert(2)>" in shown.visible
        assert len([s for s in shown.scripts if s[0].get("type") == "application/ld+json"]) == 1
        found = shown.json_ld()
        assert HOSTILE in found["citation"]["text"] and "<img src=x" in found["isBasedOn"]["headline"]
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', answer.text, re.S)[1]
        assert "<" not in block and ">" not in block and "&" not in block
    assert HOSTILE in web.get("/figures/zj-gdp-2024.bib").text  # a file to take away holds the text as it is


def test_parameters_a_page_does_not_read_make_no_new_page(web):
    etag = web.get("/figures/zj-gdp-2024?lang=en").headers["etag"]
    assert web.get("/figures/zj-gdp-2024?lang=en&utm_source=x&q=" + "y" * 300).headers["etag"] == etag
    assert web.get("/figures/zj-gdp-2024?lang=en").headers["x-content-type-options"] == "nosniff"


def test_a_chinese_page_shows_no_english_interface_phrase(web, loaded, interface_phrases):
    derived = loaded.frame[loaded.frame["status"] == "derived"]["figure_id"].iat[0]
    for path in ("/figures/zj-gdp-2024?lang=zh", f"/figures/{derived}?lang=zh", "/charts/ai-plan-money?lang=zh",
                 "/charts/gdp?lang=zh", "/figures/no-such-figure?lang=zh"):
        shown = Page(web.get(path).text).visible
        assert [phrase for phrase in interface_phrases if phrase in shown] == [], path
