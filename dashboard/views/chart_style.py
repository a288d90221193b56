"""What every chart shares: status colours and marks, hover text, value scale, axes and layout."""

from __future__ import annotations

import functools
import html
import textwrap

import pandas as pd

from dashboard.views.display import SCALES

# The Plotly toolbar keeps one button, the image download (its footer names the source), standing at the chart's
# right edge, clear of the legend; on a phone's narrow chart it is hidden (app/style.css). Zoom by dragging; a
# double click resets.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": True, "modeBarButtons": [["toImage"]],
                 "toImageButtonOptions": {"format": "png", "scale": 2}}
DASHBOARD = "Zhejiang Indicators Dashboard"
FOOTER_LINE = 50  # characters a footer line holds before it wraps (a phone-wide chart holds about this many)
MAX_FOOTER_SOURCES = 3  # past this the footer points to the Sources page
# Okabe-Ito, a palette told apart with every common colour-vision deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
STATUS_STYLE = {
    # status: (legend name, colour, bar pattern, marker symbol)
    "actual": ("Actual", "#0072B2", "", "circle"),
    "derived": ("Derived (computed from other figures)", "#56B4E9", "", "square"),
    "target": ("Target (hatched or hollow)", "#E69F00", "/", "circle-open"),
    "forecast": ("Forecast (dotted or hollow)", "#CC79A7", ".", "diamond-open"),
}
HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br>Qualifier: %{customdata[3]}"
    "<br>Status: %{customdata[4]}<br>Source: %{customdata[5]}, %{customdata[6]}%{customdata[8]}"
    "<br><i>Click for the figure's sentence and citation</i><extra></extra>"
)
HOVER_COLUMNS = ["value_text", "place", "period", "qualifier", "status", "publisher", "published", "figure_id"]
QUOTE_WORDS = 12  # opening words of the quote shown on hover


def inert(values) -> list[str]:
    """Data text made inert for Plotly's small HTML subset; missing values as empty text."""
    return [html.escape(str(v), quote=False) if v is not None and v == v else "" for v in values]


def wrap(text: str, width: int = 24) -> str:
    """A category label escaped and broken into lines of about `width` characters."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=True, break_on_hyphens=True) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


@functools.lru_cache(maxsize=4096)
def _context(note: object, quote: object) -> str:
    """The hover's last lines: the curator's note and the opening words of the quote (the same in every chart)."""
    words = str(quote).split()
    opening = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    lines = [f"Note: {wrap(note, 60)}"] if isinstance(note, str) and note else []
    return "".join(f"<br>{line}" for line in [*lines, f"Article: “{wrap(opening, 60)}”"])


def hover_data(rows: pd.DataFrame) -> list[list[str]]:
    """The hover fields of each row (HOVER_COLUMNS, escaped; the figure id eighth), then its note and quote."""
    return [[*inert(values), _context(note, quote)]
            for values, note, quote in zip(rows[HOVER_COLUMNS].itertuples(index=False), rows["note"], rows["quote"],
                                           strict=True)]


def scale(rows: pd.DataFrame) -> tuple[float, str]:
    """Divisor and word for the value axis, so it reads '9 trillion', never 9e12 or 9T."""
    top = rows["value"].abs().max() if len(rows) else 0
    top = 0 if top != top else top
    return next(((size, word) for size, word in SCALES["en"] if top >= size), (1.0, ""))


def axis_title(rows: pd.DataFrame) -> str:
    """The value axis title: the unit, with the scale word ('billion yuan')."""
    _, word = scale(rows)
    units = " / ".join(dict.fromkeys(str(u) for u in rows["unit_label"]))
    return f"{word} {units}".strip()


def year_ticks(low: int, high: int, most: int = 7) -> list[int]:
    """Whole-year tick values from low to high, at most `most` of them, on round years (every 1, 2, 5, 10... years).

    Few enough to stay level and readable on a phone's narrow chart.
    """
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if (high - low) // s + 1 <= most or s == 1000)
    first = -(-low // step) * step
    return list(range(first, high + 1, step)) or [low]
def year_axis(years, pad: float, title: str = "year") -> dict:
    """A year axis with whole-year ticks, padded by `pad` years on each side."""
    low, high = int(min(years)), int(max(years))
    return {"title": {"text": title}, "tickmode": "array", "tickvals": year_ticks(low, high), "tickformat": "d",
            "tickangle": 0, "automargin": True,
            "range": [low - pad, high + pad]}


def footer(rows: pd.DataFrame, note: str | None = None) -> dict:
    """The source line drawn under a chart, so a downloaded image carries it: sources, any note, the dashboard."""
    if "source_id" in rows and rows["source_id"].nunique() <= MAX_FOOTER_SOURCES:
        refs = rows.drop_duplicates("source_id")
        sources = ("Source: " if len(refs) == 1 else "Sources: ") + "; ".join(
            f"{r.publisher}, “{r.source_title}”, {r.published}" for r in refs.itertuples())
    else:
        sources = "Sources: the articles listed on the dashboard's Sources page"
    parts = [sources, *([f"Note: {note}"] if note else []), DASHBOARD]
    lines = [line for part in parts for line in textwrap.wrap(part, FOOTER_LINE)]
    return {"text": "<br>".join(html.escape(line, quote=False) for line in lines), "xref": "paper", "yref": "paper",
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
