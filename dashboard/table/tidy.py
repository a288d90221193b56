"""The tidy table: one row per figure with its indicator, unit, sector and source spelt out."""

from __future__ import annotations

import pandas as pd

from dashboard.data.fields import period_bounds
from dashboard.data.schema import Catalog, Source
from dashboard.table.columns import NAMES
from dashboard.text.locale import Locale, locale
from dashboard.text.wording import formatter, qualified, source_kind_word, status_word

NO_YEARS = (None, None)  # the first and last year of a figure whose period the article does not give


def _values(catalog: Catalog, loc: Locale) -> dict[str, list]:
    """The value columns of every figure as `loc` writes them: the value, its short label and the dollars stated."""
    units = {u.id: u for u in catalog.units}
    unit_of = {i.id: i.unit for i in catalog.indicators}
    write = {u.id: formatter(u.display, loc) for u in catalog.units}
    write_usd = formatter(units["USD"].display, loc) if "USD" in units else "US${:,.0f}".format
    texts = [write[unit_of[fig.indicator]](fig.value) for fig in catalog.figures]
    return {
        "value_text": [qualified(text, fig.qualifier, loc) for fig, text in zip(catalog.figures, texts, strict=True)],
        "value_label": [qualified(text, fig.qualifier, loc, short=True)
                        for fig, text in zip(catalog.figures, texts, strict=True)],
        "usd_text": [qualified(write_usd(fig.usd.value), fig.usd_qualifier, loc) if fig.usd else None
                     for fig in catalog.figures],
    }


def build_frame(catalog: Catalog, sources: dict[str, Source]) -> pd.DataFrame:
    """One row per figure with its indicator, unit, sector and source spelt out, in English and in Chinese."""
    sectors = {s.id: s for s in catalog.sectors}
    units = {u.id: u for u in catalog.units}
    places = {p.name: p.name_zh for p in catalog.places}
    figures = catalog.figures
    inds = [{i.id: i for i in catalog.indicators}[fig.indicator] for fig in figures]
    unit_of = [units[ind.unit] for ind in inds]
    bounds = {period: period_bounds(period) if period else NO_YEARS for period in {fig.period for fig in figures}}
    src = {sid: (s.headline, s.publisher, s.author, s.published.isoformat(), s.accessed.isoformat(),
                 str(s.url) if s.url else None)
           for sid, s in sources.items()}
    src_of = [src[fig.source] for fig in figures]
    zh = locale("zh")
    english, chinese = _values(catalog, locale("en")), _values(catalog, zh)
    columns = {
        "figure_id": [fig.id for fig in figures],
        "indicator_id": [ind.id for ind in inds],
        "indicator": [ind.name for ind in inds],
        "sector": [ind.sector for ind in inds],
        "sector_label": [sectors[ind.sector].label for ind in inds],
        "geography": [fig.geography for fig in figures],
        "label": [fig.label for fig in figures],
        "period": [fig.period for fig in figures],
        "period_stated": [fig.period_stated for fig in figures],
        "year_start": [bounds[fig.period][0] for fig in figures],
        "year_end": [bounds[fig.period][1] for fig in figures],
        "value": [fig.value for fig in figures],
        "unit": [unit.id for unit in unit_of],
        "unit_label": [unit.label for unit in unit_of],
        "value_text": english["value_text"],
        "value_label": english["value_label"],
        "qualifier": [fig.qualifier for fig in figures],
        "status": [fig.status for fig in figures],
        "usd_value": [fig.usd.value if fig.usd else None for fig in figures],
        "usd_text": english["usd_text"],
        "derived_formula": [fig.derived.formula if fig.derived else None for fig in figures],
        "derived_inputs": [" ".join(fig.derived.inputs) if fig.derived else None for fig in figures],
        "note": [fig.note for fig in figures],
        "source_id": [fig.source for fig in figures],
        **{name: [s[i] for s in src_of]
           for i, name in enumerate(("source_title", "publisher", "author", "published", "accessed", "url"))},
        "source_kind": [sources[fig.source].kind for fig in figures],
        "quoted_from": [sources[fig.source].quoted_from for fig in figures],
        "quote": [fig.quote for fig in figures],
        "indicator_zh": [ind.name_zh for ind in inds],
        "sector_label_zh": [sectors[ind.sector].label_zh for ind in inds],
        "geography_zh": [places.get(fig.geography) for fig in figures],
        "label_zh": [fig.label_zh for fig in figures],
        "unit_label_zh": [unit.label_zh for unit in unit_of],
        **{f"{name}_zh": values for name, values in chinese.items()},
        "status_zh": [status_word(fig.status, zh) for fig in figures],
        "note_zh": [fig.note_zh for fig in figures],
        "publisher_zh": [sources[fig.source].publisher_zh or sources[fig.source].publisher for fig in figures],
        "source_kind_zh": [source_kind_word(sources[fig.source].kind, zh) for fig in figures],
    }
    # Int64 holds the years of a figure without a period as missing (<NA>), where int64 cannot.
    numbers = {"year_start": "Int64", "year_end": "Int64", "period_stated": "bool", "value": "float64",
               "usd_value": "float64"}
    # Text is kept as plain Python objects, as the data files hold it.
    return pd.DataFrame({name: pd.Series(values, dtype=numbers.get(name, object)) for name, values in columns.items()},
                        columns=NAMES)

