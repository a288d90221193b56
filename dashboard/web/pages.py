"""What the take-away pages say: a figure, a chart, their JSON-LD and the sitemap, from the loaded data alone."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from dashboard import __version__
from dashboard.charts import blocks
from dashboard.charts.alt_text import chart_table
from dashboard.charts.style import POINT_FIELDS, plotly_config, wrap
from dashboard.table.dataset import Dataset
from dashboard.table.filters import by_indicator, rows_by_id
from dashboard.text.citations import (
    chart_path,
    cite_bibtex,
    cite_csl,
    cite_text,
    figure_name,
    figure_path,
    marked_quote,
    sentence_link,
)
from dashboard.text.locale import LANGUAGES, N_, Locale
from dashboard.text.wording import DASHBOARD, FORMULAS, aside, period_text, qualifier_word, status_word

TEMPLATES = Path(__file__).resolve().parent / "templates"
HTML_LANG = {"en": "en", "zh": "zh-Hans"}  # <html lang> and hreflang of each language
OG_LOCALE = {"en": "en_US", "zh": "zh_CN"}
HAN = re.compile(r"[\u4e00-\u9fff]")
WORDS = {  # the pages' own words, translated where shown
    "dashboard": DASHBOARD,
    "language": N_("Language"),
    "in_words": N_("In the article's words (verbatim; the number is marked)"),
    "open_sentence": N_("Open the article at this sentence"),
    "open_article": N_("Open the article"),
    "no_link": N_("No link known for this article."),
    "computed": N_("Computed by the dashboard from these figures"),
    "cite": N_("Cite this figure"),
    "text": N_("Text"),
    "explore": N_("Explore in the dashboard"),
    "figure_id": N_("Figure id"),
    "value": N_("Value"),
    "period": N_("Period"),
    "status": N_("Status"),
    "place": N_("Place"),
    "sector": N_("Sector"),
    "unit": N_("Unit"),
    "note": N_("Note"),
    "article": N_("Article"),
    "formula": N_("Formula"),
    "usd": N_("US-dollar equivalent the article gives"),
    "take_away": N_("Take it away"),
    "download_csv": N_("Download CSV"),
    "download_svg": N_("Download SVG"),
    "download_png": N_("PNG: the camera button on the chart"),
    "chart_data": N_("Chart data as a table"),
    "embed": N_("Embed this chart"),
    "embed_help": N_("Paste this into a web page to show the chart, with its sources, at any width from 320 pixels."),
    "needs_js": N_("The chart needs JavaScript; its figures are in the table below."),
    "open_figure": N_("open"),
    "figure_page": N_("Figure's page"),
    "left_out": N_("Places left out of the chart (more than it holds) are on the Data page."),
}


@functools.cache
def environment() -> Environment:
    """The templates, every one escaping what it shows: data text is always text."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def words(loc: Locale) -> dict[str, str]:
    """WORDS in the reader's language."""
    return {key: loc._(text) for key, text in WORDS.items()}


def script_json(value: object, **options) -> Markup:
    """JSON safe inside a <script> element: <, > and & written as \\u escapes, so no text ends the element."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704 (escaped above)


def address(base: str, path: str, lang: str | None = None, **query: str) -> str:
    """An address of this site: absolute under `base` (DASHBOARD_BASE_URL) when set, else from the root."""
    params = {**query, **({"lang": lang} if lang else {})}
    return f"{base}{path}" + (f"?{urlencode(params)}" if params else "")


def alternates(base: str, path: str) -> list[dict[str, str]]:
    """The page in each language, for <link rel=alternate hreflang> and the visible switch."""
    return [{"lang": code, "hreflang": HTML_LANG[code], "name": name, "href": address(base, path, code)}
            for code, name in LANGUAGES.items()]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


def figure_row(data: Dataset, figure_id: str, loc: Locale):
    """The figure's row in the reader's language (a named tuple), or None for an id the data does not hold."""
    rows = rows_by_id(data.views[loc.code].frame, [figure_id])
    return next(rows.itertuples(index=False), None) if len(rows) else None


def figure_title(row, loc: Locale) -> str:
    """A figure's name: indicator, place, period (and its label)."""
    return figure_name(row, loc) + aside(row.label, loc)


def summary(row, loc: Locale) -> str:
    """One sentence for a card or a link preview: the value, status, period and the article."""
    return loc._("{value} ({status}), {period}. Source: {publisher}, “{headline}”, {published}.").format(
        value=row.value_text, status=status_word(row.status, loc), period=period_text(str(row.period), loc),
        publisher=row.publisher, headline=row.source_title, published=loc.date(str(row.published)))


def _article(row) -> dict:
    """The article as schema.org reads it."""
    article = {"@type": "NewsArticle", "headline": row.source_title, "datePublished": row.published,
               "publisher": {"@type": "Organization", "name": row.publisher}}
    if _text(row.author):
        article["author"] = {"@type": "Person", "name": row.author}
    if _text(row.url):
        article["url"] = row.url
    return article


CLAIMS = ("target", "forecast", "policy")  # what a policy or a forecaster says will be, not what was measured


def json_ld(data: Dataset, row, base: str, loc: Locale) -> dict:
    """The figure as schema.org data: an Observation for a result, a Claim for a target or a forecast."""
    here = address(base, figure_path(row.figure_id))
    article = _article(row)
    place = {"@type": "Place", "name": row.place}
    # ISO 8601 writes a span of years as 2021/2023; a figure whose article gives no period has no date
    dated = {"temporalCoverage" if row.status in CLAIMS else "observationDate": str(row.period).replace("-", "/")}
    dated = dated if _text(row.period) else {}
    common = {"@context": "https://schema.org", "@id": here, "url": here, "name": figure_title(row, loc),
              "description": summary(row, loc), "inLanguage": HTML_LANG[loc.code],
              "isBasedOn": article, "citation": {"@type": "Quotation", "text": row.quote, "isPartOf": article}}
    if row.status in CLAIMS:
        return {**common, **dated, "@type": "Claim", "appearance": article, "spatialCoverage": place,
                "about": {"@type": "PropertyValue", "name": row.indicator, "value": _number(row.value),
                          "unitText": row.unit_label, "description": qualifier_word(row.qualifier, loc)},
                "text": row.quote}
    observation = {**common, "@type": "Observation", "observationAbout": place,
                   "variableMeasured": {"@type": "StatisticalVariable", "name": row.indicator},
                   "value": _number(row.value), "unitText": row.unit_label, **dated,
                   "measurementQualifier": qualifier_word(row.qualifier, loc)}
    if _text(row.derived_formula):
        observation["measurementMethod"] = loc._(FORMULAS[row.derived_formula])
        observation["isBasedOn"] = [article, *({"@id": address(base, figure_path(fid))}
                                               for fid in str(row.derived_inputs).split())]
    return observation


def figure_page(data: Dataset, row, base: str, loc: Locale) -> dict:
    """Everything the figure's page shows, in the reader's language."""
    path = figure_path(row.figure_id)
    cited = address(base, path)  # the figure's address, the same in both languages
    stated = (loc._("{period}, period stated in the article") if row.period_stated else
              loc._("{period}, period inferred by us (see the note)")).format(period=period_text(str(row.period), loc))
    inputs = []
    if _text(row.derived_formula):
        for fid in str(row.derived_inputs).split():
            found = figure_row(data, fid, loc)
            inputs.append({"href": address(base, figure_path(fid), loc.code),
                           "name": f"{figure_title(found, loc)}: {found.value_text}" if found is not None else fid})
    explore = address(base, "/sectors", loc.code, sector=row.sector, year=f"{row.year_start}-{row.year_end}")
    article = loc._("{publisher}, “{headline}”, {published}").format(
        publisher=row.publisher, headline=row.source_title, published=loc.date(str(row.published)))
    article += loc.marks.stop.strip()
    title = figure_title(row, loc)
    return {
        "title": title, "row": row, "period": stated, "status": status_word(row.status, loc), "article": article,
        "qualifier": qualifier_word(row.qualifier, loc), "quote": Markup(marked_quote(row)),  # noqa: S704 (escaped by marked_quote)
        "quote_lang": "zh" if HAN.search(str(row.quote)) else "en",
        "sentence": sentence_link(row.url, row.quote), "url": _text(row.url), "label": _text(row.label),
        "note": _text(row.note), "usd": _text(row.usd_text), "inputs": inputs, "explore": explore,
        "formula": loc._(FORMULAS[row.derived_formula]) if _text(row.derived_formula) else None,
        "cite_text": cite_text(row, cited, loc), "cite_bibtex": cite_bibtex(row, cited, loc),
        "cite_csl": cite_csl(row, cited, loc), "json_ld": script_json(json_ld(data, row, base, loc)),
        "description": summary(row, loc), "canonical": address(base, path, loc.code),
        "alternates": alternates(base, path),
        "downloads": [(address(base, f"{path}.{kind}"), label) for kind, label in
                      (("json", "JSON-LD"), ("csv", "CSV"), ("bib", "BibTeX"))],
    }


@dataclass(frozen=True)
class Chart:
    """A chart of the data: its words, the rows it draws (in the page's language) and its Plotly figure."""

    id: str
    title: str
    subtitle: str | None
    note: str | None
    rows: pd.DataFrame
    figure: go.Figure
    alt: str
    left_out: int = 0


def chart_ids(data: Dataset) -> dict[str, str]:
    """Every chart the dashboard draws, by id: 'story' (catalog.charts) or 'indicator' (an indicator with several figures)."""
    groups, _singles = by_indicator(data.frame)
    found = {str(group["indicator_id"].iat[0]): "indicator" for group in groups}
    return {**found, **{story.id: "story" for story in data.stories}}


def build_chart(data: Dataset, chart_id: str, loc: Locale) -> Chart | None:
    """A chart by id in the reader's language, its title, subtitle, sources, note and the dashboard's name drawn in; or None."""
    kind = chart_ids(data).get(chart_id)
    frame = data.views[loc.code].frame
    if kind == "story":
        story = next(s for s in data.stories if s.id == chart_id)
        drawn = blocks.story(story, rows_by_id(frame, story.figures), loc)
        title, subtitle, note = (loc.field(story, name) for name in ("title", "subtitle", "note"))
    elif kind == "indicator":
        drawn = blocks.indicator(frame[frame["indicator_id"] == chart_id], loc)
        title, note = str(drawn.rows["indicator"].iat[0]), None
        subtitle = loc._("{description} Unit: {unit}.").format(
            description=data.views[loc.code].descriptions.get(chart_id, ""), unit=drawn.rows["unit_label"].iat[0])
    else:
        return None
    chart = Chart(chart_id, title, subtitle, note, drawn.rows, drawn.figure, drawn.alt, drawn.left_out)
    _titled(chart)
    return chart


TITLE_LINE, SUBTITLE_LINE = 40, 50  # columns a line of the title and subtitle holds: a 320-pixel frame shows them whole


def _titled(chart: Chart) -> None:
    """Draw the title and subtitle into the figure (so every image carries them), on white whatever the reader's theme."""
    title, subtitle = wrap(chart.title, TITLE_LINE), wrap(chart.subtitle or "", SUBTITLE_LINE)
    lines = title.count("<br>") + 1
    below = subtitle.count("<br>") + 1 if chart.subtitle else 0
    top = 20 + 21 * lines + 16 * below + 40  # the title and subtitle, then the legend above the plot
    layout = chart.figure.layout
    chart.figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "xref": "container", "y": 1, "yanchor": "top",
               "yref": "container", "pad": {"t": 12, "l": 10}, "font": {"size": 16, "color": "#111318"},
               "subtitle": {"text": subtitle, "font": {"size": 12, "color": "#444444"}}},
        template="plotly_white", paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", font={"color": "#111318"},
        height=(layout.height or 400) + top - (layout.margin.t or 40), margin={"t": top}, autosize=True)


def chart_config(chart: Chart, loc: Locale) -> dict:
    """The Plotly config of a chart page: the dashboard's in the reader's language, with the image button making a PNG
    named after the chart, and the width following the page."""
    config = plotly_config(loc)
    return {**config, "responsive": True, "toImageButtonOptions": {**config["toImageButtonOptions"], "filename": chart.id}}


def embed_snippet(chart: Chart, site: str, loc: Locale) -> str:
    """The HTML that frames a chart's embed view, served from `site`, in another page."""
    frame = {"src": address(site, chart_path(chart.id), loc.code, embed="1"), "title": chart.title,
             "height": int(chart.figure.layout.height or 400) + 8}  # the embed view's page adds no margin
    return environment().get_template("embed_snippet.html").render(frame=frame).strip()


def chart_page(chart: Chart, base: str, loc: Locale, embed: bool, site: str) -> dict:
    """A chart page's content in the reader's language: chart, linked table, CSV and an embed snippet framing it from `site`."""
    path = chart_path(chart.id)
    table = chart_table(chart.rows, loc)
    links = [address(base, figure_path(fid), loc.code) for fid in chart.rows["figure_id"]]
    snippet = embed_snippet(chart, site, loc)
    spec = {"figure": json.loads(chart.figure.to_json()), "config": chart_config(chart, loc), "filename": chart.id,
            "figure_base": address(base, "/figures/"), "figure_field": POINT_FIELDS.index("figure_id"), "lang": loc.code,
            "embed": embed}
    return {
        "title": chart.title, "chart": chart, "spec": script_json(spec), "alt": chart.alt, "embed": embed,
        "columns": list(table.columns), "table": list(zip(table.itertuples(index=False), links, strict=True)),
        "csv": address(base, f"{path}.csv"), "snippet": snippet, "canonical": address(base, path, loc.code),
        "alternates": alternates(base, path), "description": chart.alt,
    }


def sitemap(data: Dataset, base: str) -> str:
    """The sitemap: every figure's and chart's page in both languages, each with its twin."""
    paths = [figure_path(fid) for fid in data.frame["figure_id"]] + [chart_path(cid) for cid in chart_ids(data)]
    pages = [{"loc": address(base, path, code), "alternates": alternates(base, path)}
             for path in paths for code in LANGUAGES]
    return environment().get_template("sitemap.xml").render(pages=pages)


def error_page(status: int, loc: Locale, base: str, asked: str = "") -> dict:
    """A readable page for an address the data does not hold (404), bad data files (503) or a fault (500)."""
    said = {
        404: (loc._("Not found"), loc._("The dashboard holds no figure or chart at this address: {asked}.").format(asked=asked)),
        503: (loc._("The data cannot be shown"), loc._("The data files have problems, so no figure can be served until they "
                                               "are fixed. The dashboard's check ({command}) names each one.")
                   .format(command="python -m dashboard validate")),
        414: (loc._("The address is too long"), loc._("The address holds more than the dashboard reads: shorten its query "
                                              "(the part after ?).")),
        500: (loc._("Something went wrong"), loc._("This page could not be made. Please try again later.")),
    }
    title, text = said.get(status, said[500])
    return {"title": title, "text": text, "home": address(base, "/", loc.code), "canonical": None,
            "alternates": [], "status": status}


def render(template: str, loc: Locale, **context) -> str:
    """A page in the reader's language from its template, with the pages' words."""
    return environment().get_template(template).render(
        lang=loc.code, html_lang=HTML_LANG[loc.code], marks=loc.marks, og_locale=OG_LOCALE[loc.code], w=words(loc),
        version=__version__, other_locales=[OG_LOCALE[code] for code in LANGUAGES if code != loc.code], **context)
