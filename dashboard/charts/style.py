"""What every chart shares: status colours and marks, hover text, value scale, axes and layout, in either language."""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata

import pandas as pd

from dashboard.text.locale import DEFAULT, N_, translation
from dashboard.text.wording import DASHBOARD, MARKS, QUALIFIER_SIGNS, SCALES, date_text, period_text, qualifier_word, status_word

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


def plotly_config(lang: str = DEFAULT) -> dict:
    """The Plotly config of a chart in `lang`: the toolbar's tooltip and Plotly's messages in Chinese on a Chinese page."""
    if lang == DEFAULT:
        return PLOTLY_CONFIG
    return {**PLOTLY_CONFIG, "locale": "zh-CN", "locales": {"zh-CN": {"dictionary": PLOTLY_ZH}}}


def styles(lang: str = DEFAULT) -> dict[str, tuple[str, str, str, str]]:
    """STATUS_STYLE with each legend name in the reader's language."""
    _ = translation(lang).gettext
    return {status: (_(name), *rest) for status, (name, *rest) in STATUS_STYLE.items()}


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


def hover(lang: str = DEFAULT) -> str:
    """The hover template of a mark (hover_data gives its fields), in the reader's language."""
    named = {name: ref(name) for name in POINT_FIELDS if name != "indicator"}
    return translation(lang).gettext(HOVER).format(**named) + "<extra></extra>"


def inert(values) -> list[str]:
    """Data text made inert for Plotly's small HTML subset; missing values as empty text."""
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
    return "<br>".join(html.escape(line, quote=False) for line in lines(str(text), width) or [""])


def _context(note: object, quote: object, lang: str = DEFAULT) -> str:
    """The hover's last lines: the curator's note and the opening words of the quote (the same in every chart)."""
    _ = translation(lang).gettext
    words = str(quote).split()
    opening = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    said = [_("Note: {note}").format(note=wrap(note, 60))] if isinstance(note, str) and note else []
    return "".join(f"<br>{line}" for line in [*said, _("Article: “{opening}”").format(opening=wrap(opening, 60))])


def hover_data(rows: pd.DataFrame, lang: str = DEFAULT) -> list[list[str]]:
    """The POINT_FIELDS of each row, escaped, in their order: what each mark carries."""
    said = {"qualifier": qualifier_word, "status": status_word, "period": period_text, "published": date_text}
    context = [_context(note, quote, lang) for note, quote in zip(rows["note"], rows["quote"], strict=True)]
    columns = [context if name == "context" else inert(said[name](v, lang) for v in rows[name]) if name in said
               else inert(rows[name]) for name in POINT_FIELDS]
    return [list(values) for values in zip(*columns, strict=True)]


def scale(rows: pd.DataFrame, lang: str = DEFAULT) -> tuple[float, str]:
    """Divisor and word for the value axis, so it reads '9 trillion' (9万亿), never 9e12 or 9T."""
    top = rows["value"].abs().max() if len(rows) else 0
    top = 0 if top != top else top
    return next(((size, word) for size, word in SCALES[lang] if top >= size), (1.0, ""))


def scaled_unit(word: str, unit: object, lang: str = DEFAULT) -> str:
    """A unit after its scale word: 'billion yuan'; 亿元."""
    return f"{word}{unit}" if lang != DEFAULT else f"{word} {unit}".strip()


def axis_title(rows: pd.DataFrame, lang: str = DEFAULT) -> str:
    """The value axis title: the unit, with the scale word ('billion yuan'; 亿元)."""
    _, word = scale(rows, lang)
    return scaled_unit(word, " / ".join(dict.fromkeys(str(u) for u in rows["unit_label"])), lang)


def year_ticks(low: int, high: int, most: int = 7) -> list[int]:
    """Whole-year tick values from low to high, at most `most` of them, on round years (every 1, 2, 5, 10... years).

    Few enough to stay level and readable on a phone's narrow chart.
    """
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if (high - low) // s + 1 <= most or s == 1000)
    first = -(-low // step) * step
    return list(range(first, high + 1, step)) or [low]


def year_axis(years, pad: float, title: str | None = None, lang: str = DEFAULT) -> dict:
    """A year axis with whole-year ticks, padded by `pad` years on each side; titled 'year' unless told."""
    low, high = int(min(years)), int(max(years))
    return {"title": {"text": title or translation(lang).gettext("year")}, "tickmode": "array",
            "tickvals": year_ticks(low, high), "tickformat": "d", "tickangle": 0, "automargin": True,
            "range": [low - pad, high + pad]}


def sign_legend(rows: pd.DataFrame, lang: str = DEFAULT) -> str:
    """What each sign before a value label means, for the signs these rows' labels use: '~ about, ≈ nearly'.

    Labels on a chart are short ('~ 620 billion yuan'); cards and tables say the words. Chinese labels use words, so
    they need no legend.
    """
    if "qualifier" not in rows or lang != DEFAULT:
        return ""
    used = [q for q in QUALIFIER_SIGNS if QUALIFIER_SIGNS[q] and q in set(rows["qualifier"])]
    if not used:
        return ""
    listed = MARKS[lang].comma.join(f"{QUALIFIER_SIGNS[q]} {qualifier_word(q, lang)}" for q in used)
    return translation(lang).gettext("Signs: {signs}").format(signs=listed)


def footer(rows: pd.DataFrame, note: str | None = None, lang: str = DEFAULT) -> dict:
    """The source line drawn under a chart, so a downloaded image carries it: sources, any note, the dashboard.

    Headlines stay as published; dates, the note and the dashboard's name are in the reader's language.
    """
    words, marks = translation(lang), MARKS[lang]
    if "source_id" in rows and rows["source_id"].nunique() <= MAX_FOOTER_SOURCES:
        refs = rows.drop_duplicates("source_id")
        cited = zip(refs["publisher"], refs["source_title"], refs["published"], strict=True)
        listed = marks.semicolon.join(marks.comma.join((publisher, f"“{title}”", date_text(published, lang)))
                                      for publisher, title, published in cited)
        sources = words.ngettext("Source: {sources}", "Sources: {sources}", len(refs)).format(sources=listed)
    else:
        sources = words.gettext("Sources: the articles listed on the dashboard's Sources page")
    signs = sign_legend(rows, lang)
    parts = [*([signs] if signs else []), sources, *([words.gettext("Note: {note}").format(note=note)] if note else []),
             words.gettext(DASHBOARD)]
    shown = [line for part in parts for line in lines(part, FOOTER_LINE)]
    return {"text": "<br>".join(html.escape(line, quote=False) for line in shown), "xref": "paper", "yref": "paper",
            "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "yshift": -56, "showarrow": False, "align": "left",
            "font": {"size": 10, "color": "#555555"}, "name": "footer"}


def layout(height: int, footer: dict | None = None, **axes) -> dict:
    """The layout every chart starts from: legend above, room for labels, left-aligned hover, the footer under it."""
    extra = 14 * (footer["text"].count("<br>") + 1) + 12 if footer else 0
    spec = {
        "height": height + extra, "margin": {"l": 10, "r": 40, "t": 40, "b": 10 + extra + (48 if footer else 0)},
        "barmode": "group", "showlegend": True,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": ""}},
        "hoverlabel": {"align": "left"}, "separators": ".,", "modebar": {"orientation": "v"}, **axes,
    }
    if footer:
        spec["annotations"] = [*spec.get("annotations", []), footer]
    return spec
