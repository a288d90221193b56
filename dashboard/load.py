"""Read indicators.yaml and sources/, validate them, and return the tidy frame. The only module that reads files."""

from __future__ import annotations

import contextlib
import gc
import os
import stat
from pathlib import Path

import pandas as pd
import yaml
from pydantic import ValidationError

from dashboard.checks import cross_check
from dashboard.fast_yaml import load_data
from dashboard.problems import DataError, Problem, field_name, from_validation, line_of
from dashboard.safe_yaml import YamlProblem, parse
from dashboard.schema import (
    Catalog,
    Figure,
    Indicator,
    Sector,
    Source,
    Unit,
)
from dashboard.tidy import COLUMNS as COLUMNS  # part of this module's interface
from dashboard.tidy import build_frame

ROOT = Path(__file__).resolve().parent.parent
MAX_BYTES = 5 * 1024 * 1024


def indicators_path() -> Path:
    return Path(os.environ.get("DASHBOARD_INDICATORS") or ROOT / "indicators.yaml")


def sources_path() -> Path:
    return Path(os.environ.get("DASHBOARD_SOURCES") or ROOT / "sources")


def data_version(indicators: Path | None = None, sources: Path | None = None) -> str:
    """What identifies the data files' current contents without reading them: each file's size and change time.

    Cheap enough for every run of the app (a stat call a file), so an edit to a data file shows on the next run.
    """
    path = indicators or indicators_path()
    stamps = [_stamp(lambda: os.stat(path))]
    try:
        with os.scandir(sources or sources_path()) as entries:
            stamps += sorted(f"{entry.name}:{_stamp(entry.stat)}" for entry in entries
                             if entry.name.endswith((".yaml", ".yml")))
    except OSError:
        stamps.append("-")
    return "|".join(stamps)


def _stamp(stat) -> str:
    try:
        info = stat()
    except OSError:
        return "-"
    return f"{info.st_size}:{info.st_mtime_ns}"


def _read_text(path: Path) -> str:
    """The text of one data file, after checking that it is a regular, not too large, UTF-8 file; or DataError."""
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
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(raw.count(b"\n", 0, exc.start) + 1, "(file)",
                   f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8") from None


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """Parse one YAML file safely; return its data and node tree (for line numbers), or raise DataError."""
    text = _read_text(path)
    try:
        data, node = parse(text)
    except YamlProblem as exc:
        raise DataError([Problem(str(path), exc.line, "(yaml)", exc.message)]) from None
    if data is None:
        raise DataError([Problem(str(path), 1, "(file)", "file is empty")])
    return data, node


def _read_data(path: Path) -> tuple[object, str]:
    """Like read_yaml, faster, without the node tree: the data and the text (to find lines when there are problems)."""
    text = _read_text(path)
    try:
        data = load_data(text)
    except YamlProblem as exc:
        raise DataError([Problem(str(path), exc.line, "(yaml)", exc.message)]) from None
    if data is None:
        raise DataError([Problem(str(path), 1, "(file)", "file is empty")])
    return data, text


@contextlib.contextmanager
def _collector_paused():
    """Pause the cycle collector: building thousands of records triggers many collections that find nothing."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _tree(text: str) -> yaml.Node | None:
    """The node tree of text that has already been read without problems, for the lines of validation problems."""
    return parse(text)[1]


def _read_sources(folder: Path) -> tuple[dict[str, Source], list[Problem], set[str] | None]:
    """The valid sources, the problems of the others, and the ids of every source file (None: no folder)."""
    if not folder.is_dir():
        return {}, [Problem(str(folder), 0, "(folder)", "sources folder not found")], None
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    paths = sorted(folder.glob("*.y*ml"))
    for path in paths:
        data = text = None
        try:
            data, text = _read_data(path)
            if not isinstance(data, dict):
                raise DataError([Problem(str(path), 1, "(top level)", "must be a mapping of field: value")])
            sources[path.stem] = Source.model_validate(data)
        except DataError as exc:
            problems += exc.problems
        except ValidationError as exc:
            problems += from_validation(exc, str(path), data, _tree(text))
    if not paths:
        problems.append(Problem(str(folder), 0, "(folder)", "no source files (*.yaml) found"))
    return sources, problems, {path.stem for path in paths}


def load_sources(folder: Path | None = None) -> dict[str, Source]:
    """Every sources/<id>.yaml, validated, keyed by id (the file stem)."""
    sources, problems, _ = _read_sources(folder or sources_path())
    if problems:
        raise DataError(problems)
    return sources


SECTIONS = {"sectors": Sector, "units": Unit, "indicators": Indicator, "figures": Figure}
REFERENCES = {"sector": "sectors", "unit": "units", "indicator": "indicators", "inputs": "figures"}


def load_catalog(indicators: Path | None = None, sources: Path | None = None) -> tuple[Catalog, dict[str, Source]]:
    """Read and check everything; raise DataError listing every problem found in every file."""
    path = indicators or indicators_path()
    problems: list[Problem] = []
    catalog = data = text = node = None
    try:
        with _collector_paused():
            data, text = _read_data(path)
            if not isinstance(data, dict):
                raise DataError([Problem(str(path), 1, "(top level)",
                                         "must be a mapping with sectors, units, indicators, figures")])
            catalog = Catalog.model_validate(data)
    except DataError as exc:
        problems += exc.problems
    except ValidationError as exc:
        node = _tree(text)
        problems += from_validation(exc, str(path), data, node)
    found, source_problems, source_ids = _read_sources(sources or sources_path())
    problems += source_problems
    if catalog is not None:
        checks, where = cross_check(catalog, source_ids or {f.source for f in catalog.figures}), None
    elif isinstance(data, dict):
        checks, where = _partial_checks(data, source_ids)
    else:
        checks, where = [], None
    if checks and node is None and text is not None:
        node = _tree(text)
    for loc, message in checks:
        if where is not None:
            loc = (loc[0], where[loc[0]][loc[1]], *loc[2:])
        if message.startswith("duplicate id"):
            message = _duplicate(data, node, loc, message)
        problems.append(Problem(str(path), line_of(node, loc), field_name(data, loc), message))
    if problems:
        raise DataError(problems)
    return catalog, found


def _partial_checks(data: dict, source_ids: set[str] | None):
    """Cross-check the items that are valid on their own, so that one run reports every problem.

    A reference to an item that exists but is itself invalid is not reported as unknown.
    """
    kept: dict[str, list] = {}
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
                if ids is not None and isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids.add(item["id"].strip())
                else:
                    dropped[section] = None
    catalog = Catalog.model_construct(**kept)
    ids = source_ids if source_ids is not None else {f.source for f in catalog.figures}
    checks = []
    for loc, message in cross_check(catalog, ids):
        section, i, field = loc[0], loc[1], loc[-1]
        if field in REFERENCES:
            item = kept[section][i]
            named = item.derived.inputs if field == "inputs" else [getattr(item, field)]
            invalid = dropped[REFERENCES[field]]
            if invalid is None or any(name in invalid for name in named):
                continue
        checks.append((loc, message))
    return checks, where


def _duplicate(data: dict, node, loc, message: str) -> str:
    """Say where the first item with a duplicated id stands."""
    section, index = loc[0], loc[1]
    items = data.get(section) or []
    this = items[index].get("id") if isinstance(items[index], dict) else None
    for j, item in enumerate(items[:index]):
        if isinstance(item, dict) and item.get("id") == this:
            return f"duplicate id {this!r} (first at line {line_of(node, (section, j))})"
    return message


def load_frame(indicators: Path | None = None, sources: Path | None = None) -> pd.DataFrame:
    """The tidy table every chart and download uses."""
    return build_frame(*load_catalog(indicators, sources))
