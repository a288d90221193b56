"""Read indicators.yaml and sources/, validate them, and return the tidy frame. The only module that reads files."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from pydantic import ValidationError

from dashboard.safe_yaml import YamlProblem, parse
from dashboard.schema import (
    ID_PATTERN,
    Catalog,
    Loc,
    Source,
    cross_check,
    describe,
    format_value,
    period_bounds,
    qualified,
)

ROOT = Path(__file__).resolve().parent.parent
MAX_BYTES = 5 * 1024 * 1024

COLUMNS = [
    "figure_id", "indicator_id", "indicator", "sector", "sector_label", "geography", "period", "year_start",
    "year_end", "value", "unit", "unit_label", "value_text", "value_label", "qualifier", "status", "usd_value",
    "usd_text", "derived_formula", "derived_inputs", "note", "source_id", "source_title", "publisher", "author",
    "published", "url", "quote",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, with where it stands."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """The data files are not valid; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))


def indicators_path() -> Path:
    return Path(os.environ.get("DASHBOARD_INDICATORS") or ROOT / "indicators.yaml")


def sources_path() -> Path:
    return Path(os.environ.get("DASHBOARD_SOURCES") or ROOT / "sources")


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """Parse one YAML file safely; return its data and node tree (for line numbers), or raise DataError."""
    name = str(path)

    def fail(line: int, field: str, message: str) -> DataError:
        return DataError([Problem(name, line, field, message)])

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise fail(0, "(file)", "is a folder, not a file" if path.is_dir() else "is not a regular file")
        if info.st_size > MAX_BYTES:
            raise fail(0, "(file)", f"file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail(0, "(file)", "file not found") from None
    except OSError as exc:
        raise fail(0, "(file)", f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise fail(0, "(file)", f"file is larger than the limit of {MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(raw.count(b"\n", 0, exc.start) + 1, "(file)",
                   f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8") from None
    try:
        data, node = parse(text)
    except YamlProblem as exc:
        raise fail(exc.line, "(yaml)", exc.message) from None
    if data is None:
        raise fail(1, "(file)", "file is empty")
    return data, node


def _node_at(node: yaml.Node | None, loc: Loc) -> tuple[yaml.Node | None, bool]:
    """The node a validation location points at, and whether it was found all the way."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if match is None:
                return node, False
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node, False
    return node, True


def _line(node: yaml.Node | None, loc: Loc, extra: bool = False) -> int:
    """The line where the value at `loc` stands (for an unknown field, where its key stands)."""
    if extra and loc:
        parent, _ = _node_at(node, loc[:-1])
        if isinstance(parent, yaml.MappingNode):
            for key, _value in parent.value:
                if key.value == str(loc[-1]):
                    return key.start_mark.line + 1
    found, _ = _node_at(node, loc)
    return found.start_mark.line + 1 if found is not None else 1


def _field(data: object, loc: Loc) -> str:
    """A readable field path: figures[zj-gdp-2024].value, naming items by id where they have one."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and not isinstance(data, dict):
            item = data[part] if isinstance(data, list) and part < len(data) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{item_id}]" if isinstance(item_id, str) and item_id else f"[{part + 1}]")
            data = item
        else:
            parts.append(("." if parts else "") + str(part))
            data = data.get(part) if isinstance(data, dict) else None
    return "".join(parts) or "(top level)"


EXPECTED = {
    "float_type": "a number", "float_parsing": "a number", "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "string_type": "text", "bool_type": "true or false", "bool_parsing": "true or false",
    "list_type": "a list (lines starting with -)", "dict_type": "a mapping (field: value)",
    "model_type": "a mapping (field: value)", "model_attributes_type": "a mapping (field: value)",
    "date_type": "a date written YYYY-MM-DD", "date_parsing": "a date written YYYY-MM-DD", "url_type": "a web address",
}
PATTERNS = {
    ID_PATTERN: "must be an id: letters, digits, '_', '.' or '-', starting with a letter or digit, at most 80 characters",
}


def _message(error: dict) -> str:
    """Pydantic's error in a curator's words."""
    kind, msg, ctx, got = error["type"], error["msg"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return f"unknown field {str(error['loc'][-1])!r}: not part of the format (check the spelling)"
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    if kind in EXPECTED:
        return f"must be {EXPECTED[kind]}, not {describe(got)}"
    if kind == "literal_error":
        allowed = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected"))))
        return f"must be one of: {allowed}; not {describe(got)}"
    if kind == "string_pattern_mismatch":
        rule = PATTERNS.get(str(ctx.get("pattern")), f"must match the pattern {ctx.get('pattern')}")
        return f"{rule}; not {describe(got)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item(s)"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "more than", "greater_than_equal": "at least", "less_than": "less than",
                 "less_than_equal": "at most"}[kind]
        limit = next(iter(ctx.values()), "")
        return f"must be {words} {limit:g}, not {describe(got)}" if isinstance(limit, float) else \
            f"must be {words} {limit}, not {describe(got)}"
    if kind.startswith("url_"):
        return f"is not a valid web address ({ctx.get('error', msg)}): {describe(got)}"
    if kind == "invalid_key":
        return f"field names must be text, not {describe(got)}"
    return f"{msg} (got {describe(got)})"


def _problems(exc: ValidationError, name: str, data: object, node: yaml.Node | None, prefix: Loc = ()) -> list[Problem]:
    out = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))  # drop union branch tags
        extra = error["type"] == "extra_forbidden"
        out.append(Problem(name, _line(node, loc, extra), _field(data, prefix + loc), _message(error)))
    return out


def load_sources(folder: Path | None = None) -> dict[str, Source]:
    """Every sources/<id>.yaml, validated, keyed by id (the file stem)."""
    folder = folder or sources_path()
    if not folder.is_dir():
        raise DataError([Problem(str(folder), 0, "(folder)", "sources folder not found")])
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            data, node = read_yaml(path)
            if not isinstance(data, dict):
                raise DataError([Problem(str(path), 1, "(top level)", "must be a mapping of field: value")])
            sources[path.stem] = Source.model_validate(data)
        except DataError as exc:
            problems += exc.problems
        except ValidationError as exc:
            problems += _problems(exc, str(path), data, node)
    if problems:
        raise DataError(problems)
    if not sources:
        raise DataError([Problem(str(folder), 0, "(folder)", "no source files (*.yaml) found")])
    return sources


def load_catalog(indicators: Path | None = None, sources: Path | None = None) -> tuple[Catalog, dict[str, Source]]:
    """Read and check everything; raise DataError listing every problem found in every file."""
    path = indicators or indicators_path()
    problems: list[Problem] = []
    catalog = node = data = None
    try:
        data, node = read_yaml(path)
        if not isinstance(data, dict):
            raise DataError([Problem(str(path), 1, "(top level)", "must be a mapping with sectors, units, ...")])
        catalog = Catalog.model_validate(data)
    except DataError as exc:
        problems += exc.problems
    except ValidationError as exc:
        problems += _problems(exc, str(path), data, node)
    try:
        found = load_sources(sources)
    except DataError as exc:
        problems += exc.problems
        found = {}
    if catalog is not None:
        ids = set(found) if found or not problems else {f.source for f in catalog.figures}
        for loc, message in cross_check(catalog, ids):
            problems.append(Problem(str(path), _line(node, loc), _field(data, loc), message))
    if problems:
        raise DataError(problems)
    return catalog, found


def build_frame(catalog: Catalog, sources: dict[str, Source]) -> pd.DataFrame:
    """One row per figure with its indicator, unit, sector and source spelt out."""
    sectors = {s.id: s for s in catalog.sectors}
    units = {u.id: u for u in catalog.units}
    indicators = {i.id: i for i in catalog.indicators}
    usd = units.get("USD")
    rows = []
    for fig in catalog.figures:
        ind = indicators[fig.indicator]
        unit, src = units[ind.unit], sources[fig.source]
        text = format_value(fig.value, unit.display)
        start, end = period_bounds(fig.period)
        usd_text = None
        if fig.usd is not None:
            usd_text = qualified(format_value(fig.usd.value, usd.display) if usd else f"US${fig.usd.value:,.0f}",
                                 fig.usd.qualifier)
        rows.append((
            fig.id, ind.id, ind.name, ind.sector, sectors[ind.sector].label, fig.geography, fig.period, start, end,
            fig.value, unit.id, unit.label, qualified(text, fig.qualifier), qualified(text, fig.qualifier, short=True),
            fig.qualifier, fig.status, fig.usd.value if fig.usd else None, usd_text,
            fig.derived.formula if fig.derived else None, " ".join(fig.derived.inputs) if fig.derived else None,
            fig.note, fig.source, src.headline, src.publisher, src.author, src.published.isoformat(),
            str(src.url) if src.url else None, fig.quote,
        ))
    frame = pd.DataFrame.from_records(rows, columns=COLUMNS)
    frame["year_start"] = frame["year_start"].astype("int64")
    frame["year_end"] = frame["year_end"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    frame["usd_value"] = frame["usd_value"].astype("float64")
    return frame


def load_frame(indicators: Path | None = None, sources: Path | None = None) -> pd.DataFrame:
    """The tidy table every chart and download uses."""
    return build_frame(*load_catalog(indicators, sources))
