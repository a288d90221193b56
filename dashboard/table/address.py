"""The filters in the address: read from URL parameters (with notices for what is ignored) and written back."""

from __future__ import annotations

import re
from collections.abc import Mapping

from dashboard.table.filters import Filters, Options
from dashboard.table.search import MAX_CHARS
from dashboard.text.locale import Locale

PARAMS = ("year", "sector", "geo", "status")
PAGE_PARAMS = ("figure", "q", "tab", "article", "sector_shown", "lang")  # a page's own, and the language
MAX_VALUE_CHARS = 100  # longer values are refused: no real sector, place, figure, tab or article is named at such length
MAX_SEARCH_CHARS = MAX_CHARS  # a search (q) is cut to what the search box itself takes
MAX_VALUES = 50  # values read per filter parameter; a page's own parameter is read once
MAX_QUERY_CHARS = 4000  # the filters' values together; past this the rest of them is not read
MAX_NOTICES = 12  # notices listed; the rest are counted
PAGE_LIMITS = {name: MAX_SEARCH_CHARS if name == "q" else MAX_VALUE_CHARS for name in PAGE_PARAMS}


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _years(values: list[str], bounds: tuple[int, int], _) -> tuple[tuple[int, int] | None, str | None]:
    if len(values) != 1:
        return None, _("year is given more than once")
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?", values[0])
    if not match:
        return None, _("year {value} is not a year or a range such as 2020-2025").format(value=repr(_clip(values[0])))
    low, high = int(match[1]), int(match[2] or match[1])
    if low > high:
        return None, _("year {value} ends before it starts").format(value=repr(values[0]))
    if high < bounds[0] or low > bounds[1]:
        return None, _("year {value} is outside the data ({first}-{last})").format(value=repr(values[0]), first=bounds[0],
                                                                                   last=bounds[1])
    return (max(low, bounds[0]), min(high, bounds[1])), None


def _choices(name: str, values: list[str], allowed: Mapping[str, str], _) -> tuple[tuple[str, ...], list[str]]:
    chosen, notices = [], []
    for value in values:
        key = allowed.get(value.strip().casefold())
        if key is None:
            notices.append(_("{name} {value} is not in the data").format(name=name, value=repr(_clip(value))))
        elif key not in chosen:
            chosen.append(key)
    return tuple(chosen), notices


def page_param(name: str, values: list[str], _) -> tuple[str | None, str | None]:
    """The one value a page reads of its own parameter `name` (the first; a search cut to MAX_SEARCH_CHARS), or None
    for a value too long to name anything; and a notice, in the language of `_`, saying what was cut."""
    if not values:
        return None, None
    value, limit = values[0], PAGE_LIMITS[name]
    if len(value) > limit and name == "q":
        return value[:limit], _("the search is cut to its first {limit} characters").format(limit=f"{limit:,}")
    if len(value) > limit:
        return None, _("{name} is longer than {limit} characters and is ignored").format(name=name, limit=f"{limit:,}")
    if len(values) > 1:
        return value, _("{name} is given more than once: the first is read").format(name=name)
    return value, None


def _bounded(name: str, values: list[str], budget: int, _) -> tuple[list[str], int, list[str]]:
    """The values of a filter read within the limits (MAX_VALUES, MAX_VALUE_CHARS, what is left of MAX_QUERY_CHARS),
    what is left of the budget, and notices saying what was cut."""
    notices = []
    if len(values) > MAX_VALUES:
        notices.append(_("{name} is given {n} times: only the first {limit} are read").format(
            name=name, n=f"{len(values):,}", limit=MAX_VALUES))
        values = values[:MAX_VALUES]
    long = [v for v in values if len(v) > MAX_VALUE_CHARS]
    if long:
        notices.append(_("{name} is too long: values of more than {limit} characters are ignored").format(
            name=name, limit=MAX_VALUE_CHARS))
    kept = []
    for value in (v for v in values if len(v) <= MAX_VALUE_CHARS):
        if len(value) + 1 > budget:
            notices.append(_("the filters in the address are longer than {limit} characters: the rest is not read")
                           .format(limit=f"{MAX_QUERY_CHARS:,}"))
            return kept, 0, notices
        kept.append(value)
        budget -= len(value) + 1
    return kept, budget, notices


def parse_query(params: Mapping[str, list[str]], opts: Options, loc: Locale) -> tuple[Filters, list[str]]:
    """Filters from URL parameters (each a list of values) and notices, in `loc`'s language, about what was ignored or cut; never
    raises. Every parameter is bounded on its own, so a long search or a bad value never costs the other filters."""
    filters = Filters(years=opts.years)
    allowed = {
        "sector": {k.casefold(): k for pair in opts.sectors for k in pair} | {v.casefold(): k for k, v in opts.sectors},
        "geo": {g.casefold(): g for g in opts.geos},
        "status": {s: s for s in opts.statuses},
    }
    found: dict[str, object] = {}
    notices: list[str] = []
    unknown = 0  # unknown settings, listed up to MAX_NOTICES
    budget = MAX_QUERY_CHARS
    for name, values in params.items():
        if name in PAGE_PARAMS:
            notice = page_param(name, list(values), loc._)[1]
            notices += [notice] if notice else []
        elif name not in PARAMS:
            unknown += 1
            if unknown <= MAX_NOTICES:
                notices.append(loc._("unknown setting {name}").format(name=repr(_clip(name))))
        elif budget <= 0:
            continue  # already said: the rest is not read
        else:
            values, budget, cut = _bounded(name, list(values), budget, loc._)
            notices += cut
            if not values:
                continue
            if name == "year":
                years, notice = _years(values, opts.years, loc._)
                notices += [notice] if notice else []
                if years:
                    found["years"] = years
            else:
                chosen, more = _choices(name, values, allowed[name], loc._)
                notices += more
                found[{"sector": "sectors", "geo": "geos", "status": "statuses"}[name]] = chosen
    more = len(notices) - MAX_NOTICES + max(unknown - MAX_NOTICES, 0)
    if more > 0:
        notices = [*notices[:MAX_NOTICES], loc._("and {n} more").format(n=f"{more:,}")]
    return Filters(**{**filters.__dict__, **found}), notices


def to_query(filters: Filters, opts: Options) -> dict[str, list[str]]:
    """URL parameters for the filters, leaving out what is at its default."""
    query: dict[str, list[str]] = {}
    if filters.years != opts.years:
        low, high = filters.years
        query["year"] = [f"{low}" if low == high else f"{low}-{high}"]
    for name, chosen in (("sector", filters.sectors), ("geo", filters.geos), ("status", filters.statuses)):
        if chosen:
            query[name] = list(chosen)
    return query


def file_stem(filters: Filters, opts: Options, prefix: str = "zhejiang") -> str:
    """A download's name from what it holds: 'zhejiang-ai-2024-2027' (sectors, places and statuses chosen, then the
    years); 'zhejiang-2019-2027' with no filter. Only lower-case letters, digits and hyphens."""
    low, high = filters.years
    parts = [prefix, *filters.sectors, *filters.geos, *filters.statuses, f"{low}" if low == high else f"{low}-{high}"]
    words = (re.sub(r"[^a-z0-9]+", "-", str(part).lower()).strip("-") for part in parts)
    return "-".join(word for word in words if word)[:120].rstrip("-")
