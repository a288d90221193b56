"""Rules that span records (unique ids, known references, derived values, story charts), also over partly valid data. No I/O."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from pydantic import ValidationError

from dashboard.data.chinese import translation_problems
from dashboard.data.fields import UNKNOWN
from dashboard.data.precision import in_cycle, supported
from dashboard.data.quote_numbers import locate, spoken
from dashboard.data.schema import ARITY, Catalog, Figure, Indicator, Loc, Place, Sector, StoryChart, Unit


class Finding(NamedTuple):
    """A problem between records: where, what, and for a duplicate where the first one stands."""

    loc: Loc
    message: str
    first: Loc | None = None


def cross_check(catalog: Catalog, source_ids: set[str]) -> list[Finding]:
    """Problems between records: duplicate ids, unknown references, derived figures that do not add up."""
    problems: list[Finding] = []
    for section in ("sectors", "units", "indicators", "figures", "charts"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(catalog, section)):
            if item.id in seen:
                problems.append(Finding((section, i, "id"), f"duplicate id {item.id!r}", (section, seen[item.id])))
            seen.setdefault(item.id, i)
    sectors = {s.id for s in catalog.sectors}
    units = {u.id: u for u in catalog.units}
    indicators = {i.id: i for i in catalog.indicators}
    figures = {f.id: f for f in catalog.figures}
    for i, ind in enumerate(catalog.indicators):
        if ind.sector not in sectors:
            problems.append(Finding(("indicators", i, "sector"), f"unknown sector {ind.sector!r}"))
        if ind.unit not in units:
            problems.append(Finding(("indicators", i, "unit"), f"unknown unit {ind.unit!r}"))
    for i, fig in enumerate(catalog.figures):
        problems += [Finding(("figures", i, *loc), msg) for loc, msg in _check_figure(fig, indicators, units, source_ids)]
    problems += [Finding(loc, msg) for loc, msg in _check_derived(catalog.figures, figures)]
    for i, name in enumerate(catalog.headlines):
        if name not in figures:
            problems.append(Finding(("headlines", i), f"unknown figure {name!r}"))
        elif figures[name].geography.casefold() == "china":
            problems.append(Finding(("headlines", i), f"{name!r} is a figure for China as a whole: headlines are "
                                                      "figures about Zhejiang and its places"))
    twice = {fid for fid, n in Counter(f.id for f in catalog.figures).items() if n > 1}  # which one is meant is unclear
    for i, chart in enumerate(catalog.charts):
        if not twice & set(chart.figures):
            problems += [Finding(("charts", i, *loc), msg) for loc, msg in _check_chart(chart, sectors, figures, indicators)]
    return problems + [Finding(*problem) for problem in translation_problems(catalog)]


def _check_chart(chart: StoryChart, sectors, figures, indicators) -> list[tuple[Loc, str]]:
    """A story chart names known figures, one unit per axis, and a note when it compares unlike figures."""
    problems: list[tuple[Loc, str]] = []
    if chart.sector not in sectors:
        problems.append((("sector",), f"unknown sector {chart.sector!r}"))
    missing = [(j, name) for j, name in enumerate(chart.figures) if name not in figures]
    problems += [(("figures", j), f"unknown figure {name!r}") for j, name in missing]
    if missing or any(figures[name].indicator not in indicators for name in chart.figures):
        return problems
    shown = [figures[name] for name in chart.figures]
    units = list(dict.fromkeys(indicators[f.indicator].unit for f in shown))
    if chart.kind != "small_multiples" and len(units) > 1:
        problems.append((("kind",), f"puts {len(units)} units on one axis ({', '.join(units)}): use kind "
                                    "small_multiples, or figures of one unit"))
    statuses = list(dict.fromkeys(f.status for f in shown))
    if chart.kind == "target_vs_actual" and not ({"target", "forecast"} & set(statuses) and
                                                 {"actual", "derived"} & set(statuses)):
        problems.append((("kind",), "target_vs_actual needs a target or forecast and an actual figure"))
    unlike = [(word, values) for word, values in (
        ("status", statuses), ("scope", list(dict.fromkeys(f.geography for f in shown))),
        ("period", list(dict.fromkeys(f.period or UNKNOWN for f in shown)))) if len(values) > 1]
    if unlike and chart.note is None:
        what = " and ".join(f"{word} ({', '.join(values)})" for word, values in unlike)
        problems.append((("figures",), f"sets side by side figures of different {what}: add a note saying why"))
    measures = list(dict.fromkeys(f.indicator for f in shown))
    kinds = list(dict.fromkeys(indicators[name].kind for name in measures))
    mixed = f"indicators of different kinds ({', '.join(kinds)})" if len(kinds) > 1 else (
        f"{len(measures)} indicators on one axis ({', '.join(measures)})"
        if chart.kind != "small_multiples" and len(measures) > 1 else None)
    if mixed and not chart.mixes_explained:
        problems.append((("figures",), f"sets side by side {mixed}: say in the note what differs between them, "
                                       "and write mixes_explained: true"))
    elif chart.mixes_explained and chart.note is None:
        problems.append((("note",), "required field is missing: mixes_explained is true, so say in a note what "
                                    "differs between the figures"))
    return problems


def _check_figure(fig: Figure, indicators, units, source_ids) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    indicator = indicators.get(fig.indicator)
    if indicator is None:
        problems.append((("indicator",), f"unknown indicator {fig.indicator!r}"))
    elif indicator.unit in units and fig.value < 0 and not units[indicator.unit].signed:
        problems.append((("value",), f"negative value {fig.value:g} makes no sense in unit {indicator.unit!r}"))
    if fig.source not in source_ids:
        problems.append((("source",), f"unknown source {fig.source!r} (no file sources/{fig.source}.yaml)"))
    if fig.status != "derived" and not problems and locate(fig.value, fig.quote) is None:
        problems.append((("quote",), f"does not contain the value {fig.value:,.15g} as the article words it "
                                     f"(for example {spoken(fig.value)!r})"))
    if fig.period is None and fig.period_stated:
        problems.append((("period_stated",), "must be false: the period is unknown, so the article does not state it"))
    elif fig.period is None and fig.note is None:
        problems.append((("note",), "required field is missing: the period is unknown, so say in a note why the "
                                    "article's period cannot be given"))
    elif not fig.period_stated and fig.note is None:
        problems.append((("note",), "required field is missing: the period is inferred (period_stated: false), so "
                                    "say in a note how the year was inferred"))
    if fig.status == "derived" and fig.derived is None:
        problems.append((("derived",), "required field is missing: status is derived, so give its formula and inputs"))
    elif fig.derived is not None and fig.status != "derived":
        problems.append((("status",), f"must be derived, because the figure has a 'derived' formula (not {fig.status!r})"))
    return problems


def _check_derived(items: list[Figure], figures: dict[str, Figure]) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    for i, fig in enumerate(items):
        if fig.derived is None:
            continue
        loc = ("figures", i, "derived", "inputs")
        missing = [name for name in fig.derived.inputs if name not in figures]
        if missing:
            problems.append((loc, f"unknown input figure(s): {', '.join(missing)}"))
        elif len(fig.derived.inputs) != ARITY[fig.derived.formula]:
            problems.append((loc, f"formula {fig.derived.formula} takes {ARITY[fig.derived.formula]} inputs"))
        elif in_cycle(fig.id, figures):
            problems.append((loc, f"derived figure {fig.id!r} depends on itself"))
        else:
            inputs = [figures[n] for n in fig.derived.inputs]
            try:
                expected, digits = supported(fig.derived.formula, [(f.value, f.qualifier) for f in inputs],
                                             fig.qualifier)
            except ZeroDivisionError:
                problems.append((loc, "an input is zero, so the formula cannot be computed"))
                continue
            if fig.value != expected:
                problems.append((("figures", i, "value"), f"{fig.value:,.15g} does not match its formula at the "
                                 f"precision its inputs support: write {expected:.15g} ({digits} significant digits)"))
            inferred = [f.id for f in inputs if not f.period_stated]
            if fig.period_stated and inferred:
                problems.append((("figures", i, "period_stated"), "must be false: a derived figure's period is stated "
                                 f"only when all its inputs' are, and {', '.join(inferred)} has an inferred period"))
    return problems


SECTIONS = {"sectors": Sector, "units": Unit, "indicators": Indicator, "places": Place, "figures": Figure}
REFERENCES = {"sector": "sectors", "unit": "units", "indicator": "indicators", "inputs": "figures", "geography": "places"}


def in_file(loc, where: dict[str, list[int]]):
    """A location among the valid items (see partial_checks) as a location in the file."""
    return (loc[0], where[loc[0]][loc[1]], *loc[2:]) if loc[0] in where else loc


def partial_checks(data: dict, source_ids: set[str] | None) -> tuple[list[Finding], dict[str, list[int]]]:
    """Cross-check the items that are valid on their own, so that one run reports every problem.

    A reference to an item that exists but is itself invalid is not reported as unknown.
    """
    headlines = data.get("headlines")
    plain = isinstance(headlines, list) and all(isinstance(h, str) for h in headlines)
    kept: dict[str, list] = {"headlines": headlines if plain else []}
    where: dict[str, list[int]] = {}
    dropped: dict[str, set[str] | None] = {}  # ids of invalid items; None: some cannot be known
    for section, model in SECTIONS.items():
        kept[section], where[section], dropped[section] = [], [], set()
        items = data.get(section)
        if not isinstance(items, list):
            dropped[section] = None
            continue
        for i, item in enumerate(items):
            try:
                kept[section].append(model.model_validate(item))
                where[section].append(i)
            except ValidationError:
                ids = dropped[section]
                key = "name" if section == "places" else "id"  # what references name the item by
                if ids is not None and isinstance(item, dict) and isinstance(item.get(key), str):
                    ids.add(item[key].strip())
                else:
                    dropped[section] = None
    catalog = Catalog.model_construct(**kept)
    ids = source_ids if source_ids is not None else {f.source for f in catalog.figures}
    checks = []
    for finding in cross_check(catalog, ids):
        section, i, field = finding.loc[0], finding.loc[1], finding.loc[-1]
        if section == "headlines":
            if dropped["figures"] is None or kept["headlines"][i] in dropped["figures"]:
                continue
        elif field in REFERENCES:
            item = kept[section][i]
            named = item.derived.inputs if field == "inputs" else [getattr(item, field)]
            invalid = dropped[REFERENCES[field]]
            if invalid is None or any(name in invalid for name in named):
                continue
        checks.append(finding)
    return checks, where
