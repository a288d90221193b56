"""The real data: it validates, and every quote stands verbatim in its article."""

import re

import pytest

from dashboard.data.load import load_catalog
from dashboard.table.columns import NAMES
from dashboard.table.dataset import load_frame


def _words(text: str) -> str:
    return " ".join(text.split())


def test_real_data_validates():
    catalog, sources = load_catalog()
    assert len(catalog.figures) >= 45
    assert {f.source for f in catalog.figures} == set(sources)


def test_frame_has_the_documented_columns():
    frame = load_frame()
    assert list(frame.columns) == list(NAMES)
    assert frame["figure_id"].is_unique
    assert (frame["year_start"] <= frame["year_end"]).all()


def test_every_figure_says_whether_its_period_is_stated_and_an_inferred_one_has_a_note(real):
    assert real["period_stated"].dtype == bool
    inferred = real[~real["period_stated"]]
    assert 0 < len(inferred) < len(real)
    assert inferred["note"].notna().all()
    assert real.set_index("figure_id").loc[["zj-gdp-2024", "cn-ai-industry-2024"], "period_stated"].tolist() == [
        True, False]


def test_every_quote_is_verbatim_in_its_article(articles):
    catalog, sources = load_catalog()
    for figure in catalog.figures:
        text = _words((articles / sources[figure.source].capture).read_text(encoding="utf-8"))
        assert _words(figure.quote) in text, figure.id
        assert len(figure.quote.split()) <= 25, figure.id


def test_every_value_is_worded_in_its_quote():
    """The number recorded appears in the quote in some written form (702 billion, 1.8, 30,000, two, fourth...)."""
    words = {2: "two", 3: "three", 4: "fourth", 6: "six", 7: "seven", 10: "tenth", 1e12: "one trillion"}
    catalog, _ = load_catalog()
    for figure in catalog.figures:
        if figure.status == "derived":
            continue
        value = figure.value
        forms = {f"{value:,.0f}", f"{value:g}", words.get(value, "\0")}
        for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if value >= size:
                forms.add(f"{value / size:g} {name}")
        forms.add(f"{value:g}%")
        assert any(form in figure.quote for form in forms if form), (figure.id, forms)


@pytest.mark.parametrize("sid", ["cdb-2026-01-31-moda-developer-hub"])
def test_sources_without_a_known_address_say_so(sid):
    _, sources = load_catalog()
    assert sources[sid].url is None


def test_urls_come_from_the_shared_source_list():
    allowed = {
        "http://en.people.cn/n3/2021/0926/c90000-9901204.html",
        "https://www.bastillepost.com/global/article/4579383-chinas-hangzhou-drives-vitality-in-sci-tech-sector-via"
        "-innovations",
        "https://www.techedt.com/zhejiang-launches-major-ai-investment-plan-to-boost-innovation-and-talent",
        "http://ex.chinadaily.com.cn/exchange/partners/70/rss/channel/www/columns/y38633/stories/"
        "WS67a38927a310a2ab06eaa552.html",
        "https://chinadailybrief.com/article/69706dd7f0d0f4177567ee9a",
        "https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04",
    }
    _, sources = load_catalog()
    for sid, source in sources.items():
        assert source.url is None or str(source.url) in allowed, sid
        assert not re.search(r"\s", str(source.url or ""))
