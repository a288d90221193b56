"""What every chart shares: status colours and marks, hover text, value scale, axes and layout, in either language."""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata

import pandas as pd

from dashboard.text.locale import DEFAULT, N_, Locale
from dashboard.text.wording import DASHBOARD, QUALIFIER_SIGNS, SCALES, period_text, qualifier_word, status_word

# The Plotly toolbar keeps one button, the image download (its footer names the source), at the chart's right edge,
# clear of the legend; on a phone's narrow chart it is hidden (app/style.css). Zoom by dragging; a double click resets.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": True, "modeBarButtons": [["toImage"]],
                 "toImageButtonOptions": {"format": "png", "scale": 2}}
# Plotly's own words (the toolbar's tooltip, the snapshot's messages, the double-click hint) in Chinese. Plotly looks
# them up in its config's `locales` before its registry, so no locale file need be loaded or registered.
PLOTLY_ZH = {
    "Download plot as a PNG": "下载图表（PNG图片）", "Download plot as a png": "下载图表（PNG图片）",
    "Download plot": "下载图表", "Taking snapshot - this may take a few seconds": "正在生成图片，可能需要几秒钟",
    "Snapshot succeeded": "图片已生成", "Sorry, there was a problem downloading your snapshot!": "抱歉，下载图片时出错！",
    "Double-click to zoom back out": "双击还原缩放", "Double-click on legend to isolate one trace": "双击图例只显示该项",
    "Reset axes": "重置坐标轴", "Autoscale": "自动缩放", "Zoom": "缩放", "Pan": "平移",
}
FOOTER_LINE = 50  # columns a footer line holds before it wraps (a phone-wide chart holds about this many)
LABEL_PX = 6.4  # about how wide one column of 12-pixel label text is, to leave room for labels left of a chart
MAX_FOOTER_SOURCES = 3  # past this the footer points to the Sources page
# Okabe-Ito, a palette told apart with every common colour-vision deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
STATUS_STYLE = {
    # status: (legend name, colour, bar pattern, marker symbol)
    "actual": (N_("Actual"), "#0072B2", "", "circle"),
    "derived": (N_("Derived (computed from other figures)"), "#56B4E9", "", "square"),
    "target": (N_("Target (hatched or hollow)"), "#E69F00", "/", "circle-open"),
    "forecast": (N_("Forecast (dotted or hollow)"), "#CC79A7", ".", "diamond-open"),
    # Vermillion marks only (never text): 3.9:1 against white and 4.9:1 against Streamlit's dark #0e1117.
    "policy": (N_("Policy rule (cross-hatched or triangle)"), "#D55E00", "x", "triangle-up"),
}
# Text colour of every chart. No one colour reads at 4.5:1 (WCAG AA) both on white and on Streamlit's dark #0e1117,
# so chart text takes the theme's: this is the placeholder Streamlit's Plotly theme swaps for its strongest text grey
# of the page's theme (#262730 on white, #fafafa on dark; tests/test_charts.py checks both); outside Streamlit it
# reads as near-black. Streamlit's own tick and note grey (#808495) is only 3.8:1 on white, hence set everywhere.
THEME_TEXT = "#000037"
THEME_TEXT_SHOWN = {"light": "#262730", "dark": "#fafafa"}
# A value label inside a solid bar: the one of white and near-black that reads on the bar's colour (at least 4.5:1).
INSIDE_TEXT = {"actual": "#ffffff", "derived": "#111318"}
# A value the article bounds: a mark at the bar's end points where the true value lies.
LOWER_BOUNDS, UPPER_BOUNDS = ("more than", "at least"), ("up to", "less than")
BOUND_NOTE = N_("An arrow at a bar's end points where the value lies: beyond the bar (more than, at least) or short "
                "of it (up to, less than).")
NBSP = "\u00a0"
# The hover of a mark, its fields named as in POINT_FIELDS.
HOVER = N_("<b>{value_text}</b><br>{place}, {period}<br>Qualifier: {qualifier}<br>Status: {status}<br>Source: {publisher}, "
           "{published}{context}<br><i>Click for the figure's sentence and citation</i>")
# What every mark carries (Plotly's customdata), by name: its hover's fields, its figure (opened by a click), and the
# indicator (the timeline's hover heading). `ref` and `point_field` address them by these names.
POINT_FIELDS = ("value_text", "place", "period", "qualifier", "status", "publisher", "published", "figure_id", "context",
                "indicator")
QUOTE_WORDS = 12  # opening words of the quote shown on hover
NO_LINE_START = set("，。；：、）”！？")  # Chinese marks that never begin a line
# What a line of mixed Chinese and English is never broken inside: a date (2025年2月5日), a word or number with the
# Chinese unit after it (2024年, 9万亿), a space, or else one Chinese character.
PIECES = re.compile(r"\d+年\d+月\d+日|[^\s\u2e80-\uffff]+(?:万亿|[年月日万亿元个])?|\s+|.")


def plotly_config(loc: Locale) -> dict:
    """The Plotly config of a chart in the reader's language: the toolbar's tooltip and Plotly's messages in Chinese."""
    if loc.code == DEFAULT:
        return PLOTLY_CONFIG
    return {**PLOTLY_CONFIG, "locale": "zh-CN", "locales": {"zh-CN": {"dictionary": PLOTLY_ZH}}}


def styles(loc: Locale) -> dict[str, tuple[str, str, str, str]]:
    """STATUS_STYLE with each legend name in the reader's language."""
    return {status: (loc._(name), *rest) for status, (name, *rest) in STATUS_STYLE.items()}


def bar_marker(colour: str, pattern: str) -> dict:
    """A bar's fill: solid for results, the status's pattern (hatched, dotted) for targets and forecasts."""
    return {"color": colour, "line": {"color": colour, "width": 1.5},
            "pattern": {"shape": pattern, "fillmode": "replace", "solidity": 0.35}}


def ref(name: str, fields: tuple[str, ...] = POINT_FIELDS, form: str = "") -> str:
    """Plotly's reference to one named field of a mark's customdata, for a hover template."""
    return f"%{{customdata[{fields.index(name)}]{form}}}"


def point_field(point: dict, name: str, fields: tuple[str, ...] = POINT_FIELDS) -> object | None:
    """One named field of a mark a reader selected (Streamlit's selection event), or None where it has none."""
    data = point.get("customdata") or ()
    index = fields.index(name)
    return data[index] if len(data) > index else None


def hover(loc: Locale) -> str:
    """The hover template of a mark (hover_data gives its fields), in the reader's language."""
    named = {name: ref(name) for name in POINT_FIELDS if name != "indicator"}
    return loc._(HOVER).format(**named) + "<extra></extra>"


def inert(values) -> list[str]:
    """Data text made inert for Plotly's small HTML subset (<b>, <a href>, <br>, entities...); missing values as empty
    text. The one escaping of text for Plotly: every title, label, tick, legend name, annotation and hover goes through it."""
    return [html.escape(str(v), quote=False) if v is not None and v == v else "" for v in values]


def _columns(text: str) -> int:
    """The columns a text takes: a Chinese character or full-width mark takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def lines(text: str, width: int) -> list[str]:
    """Text broken into lines of about `width` columns: between words, and between Chinese characters."""
    if _columns(text) == len(text):
        return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=True)
    done, line = [], ""
    for piece in re.findall(PIECES, text):
        if line.strip() and _columns(line + piece) > width and piece not in NO_LINE_START:
            done.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return [*done, line.rstrip()] if line.strip() else done


def wrap(text: str, width: int = 24) -> str:
    """A category label escaped and broken into lines of about `width` columns."""
    return "<br>".join(inert(lines(str(text), width) or [""]))


def _context(note: object, quote: object, loc: Locale) -> str:
    """The hover's last lines: the curator's note and the opening words of the quote (the same in every chart)."""
    words = str(quote).split()
    opening = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    said = [loc._("Note: {note}").format(note=wrap(note, 60))] if isinstance(note, str) and note else []
    return "".join(f"<br>{line}" for line in [*said, loc._("Article: “{opening}”").format(opening=wrap(opening, 60))])


def hover_data(rows: pd.DataFrame, loc: Locale) -> list[list[str]]:
    """The POINT_FIELDS of each row, escaped, in their order: what each mark carries."""
    said = {"qualifier": lambda q: qualifier_word(q, loc), "status": lambda s: status_word(s, loc),
            "period": lambda p: period_text(p, loc), "published": loc.date}
    context = [_context(note, quote, loc) for note, quote in zip(rows["note"], rows["quote"], strict=True)]
    columns = [context if name == "context" else inert(said[name](v) for v in rows[name]) if name in said
               else inert(rows[name]) for name in POINT_FIELDS]
    return [list(values) for values in zip(*columns, strict=True)]


def scale(rows: pd.DataFrame, loc: Locale) -> tuple[float, str]:
    """Divisor and word for the value axis, so it reads '9 trillion' (9万亿), never 9e12 or 9T."""
    top = rows["value"].abs().max() if len(rows) else 0
    top = 0 if top != top else top
    return next(((size, word) for size, word in SCALES[loc.code] if top >= size), (1.0, ""))


def scaled_unit(word: str, unit: object, loc: Locale) -> str:
    """A unit after its scale word: 'billion yuan'; 亿元."""
    return f"{word}{unit}" if loc.code != DEFAULT else f"{word} {unit}".strip()


def axis_title(rows: pd.DataFrame, loc: Locale) -> str:
    """The value axis title, escaped: the unit, with the scale word ('billion yuan'; 亿元)."""
    _, word = scale(rows, loc)
    return scaled_unit(word, " / ".join(inert(dict.fromkeys(str(u) for u in rows["unit_label"]))), loc)


def year_ticks(low: int, high: int, most: int = 7) -> list[int]:
    """Whole-year tick values from low to high, at most `most` of them, on round years (every 1, 2, 5, 10... years).

    Few enough to stay level and readable on a phone's narrow chart.
    """
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if (high - low) // s + 1 <= most or s == 1000)
    first = -(-low // step) * step
    return list(range(first, high + 1, step)) or [low]


def year_axis(years, pad: float, loc: Locale, title: str | None = None) -> dict:
    """A year axis with whole-year ticks, padded by `pad` years on each side; titled 'year' unless told."""
    low, high = int(min(years)), int(max(years))
    return {"title": {"text": title or loc._("year")}, "tickmode": "array",
            "tickvals": year_ticks(low, high), "tickformat": "d", "tickangle": 0, "automargin": True,
            "range": [low - pad, high + pad]}


def bound_way(qualifier: object) -> int:
    """Where a bounded value's true value lies from the bar's end: 1 beyond (more than, at least), -1 short of it."""
    return 1 if qualifier in LOWER_BOUNDS else -1 if qualifier in UPPER_BOUNDS else 0


def bound_marks(part: pd.DataFrame, size: float, horizontal: bool, where) -> dict | None:
    """Arrows at the ends of the bars of bounded values, pointing where the true value lies; None when none is bounded.

    `where`: each row's category (a horizontal bar's label, a vertical bar's year). The arrows carry no figure: a click
    on the bar opens it.
    """
    ways = [bound_way(q) for q in part["qualifier"]]
    at = [i for i, way in enumerate(ways) if way]
    if not at:
        return None
    values, places = list(part["value"] / size), list(where)
    symbols = {(True, 1): "arrow-right", (True, -1): "arrow-left", (False, 1): "arrow-up", (False, -1): "arrow-down"}
    ends, cats = [values[i] for i in at], [places[i] for i in at]
    return dict(type="scatter", mode="markers", x=ends if horizontal else cats, y=cats if horizontal else ends,
                marker={"symbol": [symbols[horizontal, ways[i]] for i in at], "size": 11, "color": THEME_TEXT,
                        "line": {"width": 0}},
                showlegend=False, hoverinfo="skip", meta="bound", cliponaxis=False)


def padded(labels: list[str], qualifiers, horizontal: bool) -> list[str]:
    """Value labels of bounded values moved clear of the arrow at the bar's end."""
    return [(f"{NBSP * 4}{label}" if horizontal else f"{label}<br>{NBSP}") if bound_way(q) else label
            for label, q in zip(labels, qualifiers, strict=True)]


def sign_legend(rows: pd.DataFrame, loc: Locale) -> str:
    """What each sign before a value label means, for the signs these rows' labels use: '~ about, ≈ nearly'.

    Labels on a chart are short ('~ 620 billion yuan'); cards and tables say the words. Chinese labels use words, so
    they need no legend.
    """
    if "qualifier" not in rows or loc.code != DEFAULT:
        return ""
    used = [q for q in QUALIFIER_SIGNS if QUALIFIER_SIGNS[q] and q in set(rows["qualifier"])]
    if not used:
        return ""
    listed = loc.marks.comma.join(f"{QUALIFIER_SIGNS[q]} {qualifier_word(q, loc)}" for q in used)
    return loc._("Signs: {signs}").format(signs=listed)


def footer(rows: pd.DataFrame, loc: Locale, note: str | None = None, bars: bool = False) -> dict:
    """The source line drawn under a chart, so a downloaded image carries it: sources, any note, the dashboard.

    `bars`: the chart draws bars, so a bounded value has an arrow at its bar's end, which the footer explains.

    Headlines stay as published; dates, the note and the dashboard's name are in the reader's language.
    """
    marks = loc.marks
    if "source_id" in rows and rows["source_id"].nunique() <= MAX_FOOTER_SOURCES:
        refs = rows.drop_duplicates("source_id")
        cited = zip(refs["publisher"], refs["source_title"], refs["published"], strict=True)
        listed = marks.semicolon.join(marks.comma.join((publisher, f"“{title}”", loc.date(published)))
                                      for publisher, title, published in cited)
        sources = loc.ngettext("Source: {sources}", "Sources: {sources}", len(refs)).format(sources=listed)
    else:
        sources = loc._("Sources: the articles listed on the dashboard's Sources page")
    bounds = bars and "qualifier" in rows and any(bound_way(q) for q in rows["qualifier"])
    signs = sign_legend(rows, loc)
    parts = [sources, *([loc._("Note: {note}").format(note=note)] if note else []),
             *([loc._(BOUND_NOTE)] if bounds else []), *([signs] if signs else []), loc._(DASHBOARD)]
    shown = [line for part in parts for line in lines(part, FOOTER_LINE)]
    return {"text": "<br>".join(inert(shown)), "xref": "paper", "yref": "paper",
            "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "yshift": -64, "showarrow": False, "align": "left",
            "font": {"size": 10, "color": THEME_TEXT}, "name": "footer"}


BAR_PX, LINE_PX, ROW_GAP = 20, 15, 14  # a horizontal bar's thickness, a line of its label, the gap after it


def labelled_rows(labels: list[str]) -> tuple[list[float], list[dict], dict]:
    """Horizontal bars, top to bottom, each under its label: the bars' positions, the labels, the row axis.

    A label above its bar rather than beside it leaves a phone's narrow chart its whole width for the bars and their
    values. One unit of the row axis is one pixel of the plot (its height is the returned axis's range).
    """
    ys, labels_drawn, top = [], [], 0.0
    for label in labels:
        top += LINE_PX * (label.count("<br>") + 1) + 2
        labels_drawn.append({"text": label, "x": 0, "xref": "paper", "y": top, "yref": "y", "xanchor": "left",
                             "yanchor": "bottom", "showarrow": False, "align": "left",
                             "font": {"size": 12, "color": THEME_TEXT}, "name": "label"})
        ys.append(top + BAR_PX / 2)
        top += BAR_PX + ROW_GAP
    return ys, labels_drawn, {"range": [top, 0], "visible": False, "fixedrange": True}


def label_room(labels) -> int:
    """Pixels to leave left of a chart for its category labels (already wrapped with <br>)."""
    widest = max((_columns(html.unescape(line)) for label in labels for line in str(label).split("<br>")), default=0)
    return int(widest * LABEL_PX) + 14


def _themed(axis: dict) -> dict:
    """An axis whose tick labels and title take the theme's text colour."""
    title = axis.get("title") or {}
    return {**axis, "tickfont": {**axis.get("tickfont", {}), "color": THEME_TEXT},
            "title": {"standoff": 8, **title, "font": {**title.get("font", {}), "color": THEME_TEXT}}}


def tall(plot: float, below: int = 64) -> float:
    """The height to give layout() for a plot of `plot` pixels (the legend above it, `below` pixels under it)."""
    return plot + 50 + below


def layout(height: int, footer: dict | None = None, left: int = 64, below: int = 64, **axes) -> dict:
    """The layout every chart starts from: legend above, room for labels, left-aligned hover, the footer under it.

    `left`: pixels of labels left of the plot (the footer starts at the chart's own left edge, so a phone's narrow chart
    shows it whole); `below`: pixels of tick labels and axis title under the plot, above the footer. Every text takes
    the theme's text colour (THEME_TEXT).
    """
    extra = 14 * (footer["text"].count("<br>") + 1) + 12 if footer else 0
    spec = {
        "height": height + extra, "margin": {"l": left, "r": 40, "t": 40, "b": 10 + extra + (below if footer else 0)},
        "barmode": "group", "showlegend": True, "font": {"color": THEME_TEXT},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": ""},
                   "font": {"color": THEME_TEXT}},
        "hoverlabel": {"align": "left", "font": {"color": THEME_TEXT}}, "separators": ".,",
        "modebar": {"orientation": "v"},
        # No Plotly template: every colour is set here and Streamlit's theme adds fonts and backgrounds in the
        # browser. So a chart is the same whether or not Streamlit (which makes its own template the default) is
        # loaded, and carries a third of the bytes to serialise and send on every run.
        "template": "none",
        **{name: _themed(axis) if name.startswith(("xaxis", "yaxis")) else axis for name, axis in axes.items()},
    }
    if footer:
        spec["annotations"] = [*spec.get("annotations", []),
                               {**footer, "xshift": 4 - left, "yshift": -below}]
    return spec
