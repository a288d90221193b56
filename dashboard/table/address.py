"""The filters in the address: read from URL parameters (with notices for what is ignored) and written back."""

from __future__ import annotations

import re
from collections.abc import Mapping

from dashboard.table.filters import Filters, Options
from dashboard.text.locale import translation

PARAMS = ("year", "sector", "geo", "status")
PAGE_PARAMS = ("figure", "q", "tab", "article", "lang")  # a page's own (figure, search, tab, article) and the language
MAX_VALUE_CHARS = 100  # longer values are refused: no real sector or place is named at such length
MAX_VALUES = 50  # per parameter
MAX_QUERY_CHARS = 4000  # the whole query; past this nothing in it is read


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


def parse_query(params: Mapping[str, list[str]], opts: Options, lang: str = "en") -> tuple[Filters, list[str]]:
    """Filters from URL parameters (each a list of values) and notices, in `lang`, about what was ignored; never raises."""
    _ = translation(lang).gettext
    filters = Filters(years=opts.years)
    if sum(len(k) + sum(len(v) + 1 for v in vs) for k, vs in params.items()) > MAX_QUERY_CHARS:
        return filters, [_("the address is longer than {limit} characters").format(limit=f"{MAX_QUERY_CHARS:,}")]
    allowed = {
        "sector": {k.casefold(): k for pair in opts.sectors for k in pair} | {v.casefold(): k for k, v in opts.sectors},
        "geo": {g.casefold(): g for g in opts.geos},
        "status": {s: s for s in opts.statuses},
    }
    found: dict[str, object] = {}
    notices: list[str] = []
    for name, values in params.items():
        if name in PAGE_PARAMS:
            continue
        if name not in PARAMS:
            notices.append(_("unknown setting {name}").format(name=repr(_clip(name))))
        elif len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_CHARS for v in values):
            notices.append(_("{name} is too long").format(name=name))
        elif name == "year":
            years, notice = _years(values, opts.years, _)
            notices += [notice] if notice else []
            if years:
                found["years"] = years
        else:
            chosen, more = _choices(name, values, allowed[name], _)
            notices += more
            found[{"sector": "sectors", "geo": "geos", "status": "statuses"}[name]] = chosen
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
