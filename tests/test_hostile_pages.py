"""Data text that acts, shown only as text: every page, chart and take-away page on data files whose every text field
holds Markdown, HTML, LaTeX, Streamlit's colour markup and a bare address (tests/conftest.py: HOSTILE)."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.charts import blocks
from dashboard.table.address import MAX_SEARCH_CHARS
from dashboard.table.dataset import current
from dashboard.table.filters import by_indicator, rows_by_id
from dashboard.text.escape import md_escape, md_link
from dashboard.text.locale import LANGUAGES, locale

LIVE_MARKDOWN = ("](http://evil", "**b**", ":red[", "$x", "<img", "<a href", "<b>")  # markup still read once escapes are gone
LIVE_HTML = ("<img", '<a href="http://evil', "<b>b</b>", "onerror=alert(1)>")  # a tag the data put in a page
PLAIN_OPTIONS = ("MultiSelect", "Selectbox")  # widgets whose options Streamlit shows as plain text, never as Markdown
MARKDOWN_FIELDS = ("body", "label", "help", "caption", "options")  # what Streamlit reads as Markdown (Html: HTML)
CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def live_markdown(text: str) -> list[str]:
    """What Streamlit's Markdown would still read as markup in `text`: after the escaped marks (and what they escape)
    are removed, any markup left; after inline code is removed too, any address it would turn into a link."""
    bare = re.sub(r"\\.", "", text)
    found = [mark for mark in LIVE_MARKDOWN if mark in CODE.sub("", bare)]
    return found + [link for link in ("http://evil", "www.evil", "evil.example/x") if link in CODE.sub("", bare)]


def _strings(proto) -> list[tuple[str, str]]:
    """Every text field (name, text) of a Streamlit element's message, options included."""
    found = []
    for field, value in proto.ListFields():
        if isinstance(value, str):
            found.append((field.name, value))
        elif field.name == "options":
            found += [("options", getattr(option, "content", option)) for option in value]
    return found


def _nodes(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def check_page(at) -> dict[str, int]:
    """Fail on any data markup an AppTest run would show as markup; count what carried the hostile text, by kind."""
    assert not at.exception, at.exception
    seen = {"markdown": 0, "html": 0, "plotly": 0}
    for node in [*_nodes(at.main), *_nodes(at.sidebar)]:
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        kind = proto.DESCRIPTOR.name
        if kind == "PlotlyChart":
            spec = proto.spec
            assert not [tag for tag in LIVE_HTML if tag in spec], spec[:500]
            seen["plotly"] += "&lt;img src=x" in spec
            continue
        for field, text in _strings(proto):
            if "evil" not in text or field not in MARKDOWN_FIELDS or (field == "options" and kind in PLAIN_OPTIONS):
                continue
            if kind == "Html":
                assert not [tag for tag in LIVE_HTML if tag in text], text[:500]
                assert "&lt;img src=x onerror=alert(1)&gt;" in text
                seen["html"] += 1
            else:
                assert not live_markdown(text), (kind, field, text[:500], live_markdown(text))
                seen["markdown"] += 1
    return seen


def test_md_escape_leaves_nothing_live():
    from tests.conftest import HOSTILE

    escaped = md_escape(HOSTILE + " www.evil.example/y mail@evil.example ``x`` `http://evil.example/`")
    assert not live_markdown(escaped), escaped
    assert "`http://evil.example/x`" in escaped  # an address reads and copies as written, as inline code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_hostile_data_as_text(hostile, open_app, lang):
    """Overview, Sectors (every sector, both tabs), Timeline, Data, Sources and About, with a hostile address too."""
    address = {"lang": lang, "geo": "http://evil.example/x", "junk<b>b</b>": "**b**"}
    seen = {"markdown": 0, "html": 0, "plotly": 0}
    for page in ("overview", "timeline", "data", "sources", "about"):
        for kind, n in check_page(open_app(f"{page}.py", **address)).items():
            seen[kind] += n
    sectors = [sector for sector, _ in current().views[lang].options.sectors]
    for sector in sectors:
        for tab in ("Charts", "Single figures"):
            for kind, n in check_page(open_app("sectors.py", sector=sector, tab=tab, **address)).items():
                seen[kind] += n
    assert all(seen.values()), seen  # the hostile text reached Markdown, HTML and charts, and stayed text


def _chart_ok(figure) -> None:
    spec = figure.to_json()
    assert not [tag for tag in LIVE_HTML if tag in spec], spec[:500]
    assert "&lt;img src=x" in spec


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_escapes_hostile_data(hostile, lang):
    """Each story chart, each indicator chart and the timeline: titles, axes, ticks, legends, bars' text, hover."""
    data = current()
    frame = data.views[lang].frame
    for story in data.stories:
        _chart_ok(blocks.story(story, rows_by_id(frame, story.figures), locale(lang)).figure)
    charted, _singles = by_indicator(frame)
    assert charted
    for rows in charted:
        chart = blocks.indicator(rows, locale(lang)).figure
        _chart_ok(chart)
        titles = [axis.title.text for axis in (chart.layout.xaxis, chart.layout.yaxis) if axis.title.text]
        assert any("&lt;b&gt;b&lt;/b&gt;" in title for title in titles), titles  # the unit's label, escaped
    _chart_ok(blocks.timeline(frame, list(data.views[lang].options.sectors), locale(lang)).figure)


def _no_tags(html: str) -> None:
    assert not [tag for tag in LIVE_HTML if tag in html], [html[max(0, html.find(t) - 200):html.find(t) + 100]
                                                           for t in LIVE_HTML if t in html]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_take_away_page_shows_hostile_data_as_text(hostile, web, lang):
    from dashboard.web.pages import chart_ids

    data = current()
    for figure_id in data.frame["figure_id"]:
        answer = web.get(f"/figures/{figure_id}?lang={lang}")
        assert answer.status_code == 200
        _no_tags(answer.text)
        assert "&lt;img src=x onerror=alert(1)&gt;" in answer.text
        ld = json.loads(web.get(f"/figures/{figure_id}.json?lang={lang}").text)
        assert "<img src=x" in json.dumps(ld, ensure_ascii=False)  # JSON-LD holds the text as it is, as data
    for chart_id in chart_ids(data):
        for embed in ("", "&embed=1"):
            answer = web.get(f"/charts/{chart_id}?lang={lang}{embed}")
            assert answer.status_code == 200
            _no_tags(answer.text)
            assert "\\u003cimg src=x" in answer.text or "&amp;lt;img" in answer.text or "&lt;img" in answer.text


def test_a_link_to_an_address_with_brackets_stays_one_link():
    """validate refuses an address with an unbalanced bracket; a balanced one is percent-encoded in Markdown."""
    assert md_link("t", "https://example.org/wiki/A_(b)") == "[t](https://example.org/wiki/A_%28b%29)"


def test_a_long_address_keeps_its_filters_and_says_what_was_cut(open_app):
    at = open_app("sources.py", q="gdp " * 60_000, article="a" * 5_000, sector="ai", year="2024-2027",
                  **{f"junk{i}": "x" for i in range(300)})
    assert not at.exception
    assert at.session_state["sector"] == ["ai"] and tuple(at.session_state["year"]) == (2024, 2027)
    assert len(at.query_params["q"]) == MAX_SEARCH_CHARS and "article" not in at.query_params
    [notice] = [w.value for w in at.sidebar.warning]
    assert f"the search is cut to its first {MAX_SEARCH_CHARS:,} characters" in notice
    assert "article is longer than 100 characters and is ignored" in notice and "more" in notice


def test_one_escaping_function_per_format(root):
    """Plotly's text is escaped by charts.style.inert alone; Markdown's by text.escape; no page turns escaping off."""
    charts = {path.name: path.read_text(encoding="utf-8") for path in (root / "dashboard" / "charts").glob("*.py")}
    assert [name for name, text in charts.items() if "html.escape" in text] == ["style.py"]
    assert charts["style.py"].count("html.escape") == 1  # in inert
    app = "".join(path.read_text(encoding="utf-8") for path in (root / "dashboard").rglob("*.py"))
    assert "unsafe_allow_html" not in app and "autoescape=False" not in app
