"""Read indicators.yaml and sources/ and validate them into a Catalog and Sources. The only module that reads files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml
from pydantic import ValidationError

from dashboard.data.checks import cross_check, in_file, partial_checks
from dashboard.data.problems import DataError, Problem, field_name, from_validation, line_of
from dashboard.data.schema import Catalog, Source
from dashboard.data.yaml_reader import YamlProblem, parse

ROOT = Path(__file__).resolve().parents[2]
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


def read_articles(folder: Path, names: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The captured article texts by file name, and for each file that cannot be read, why."""
    texts: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for name in sorted(names):
        try:
            texts[name] = _read_text(folder / name)
        except DataError as exc:
            reasons[name] = exc.problems[0].message
    return texts, reasons


def read_yaml(path: Path) -> tuple[object, yaml.Node]:
    """Parse one YAML file safely; return its data and node tree (for line numbers), or raise DataError."""
    text = _read_text(path)
    try:
        data, node = parse(text)
    except YamlProblem as exc:
        raise DataError([Problem(str(path), exc.line, "(yaml)", exc.message)]) from None
    if data is None:
        raise DataError([Problem(str(path), 1, "(file)", "file is empty")])
    return data, node


def _read_sources(folder: Path) -> tuple[dict[str, Source], list[Problem], set[str] | None]:
    """The valid sources, the problems of the others, and the ids of every source file (None: no folder)."""
    if not folder.is_dir():
        return {}, [Problem(str(folder), 0, "(folder)", "sources folder not found")], None
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    paths = sorted(folder.glob("*.y*ml"))
    for path in paths:
        data = node = None
        try:
            data, node = read_yaml(path)
            if not isinstance(data, dict):
                raise DataError([Problem(str(path), 1, "(top level)", "must be a mapping of field: value")])
            sources[path.stem] = Source.model_validate(data)
        except DataError as exc:
            problems += exc.problems
        except ValidationError as exc:
            problems += from_validation(exc, str(path), data, node)
    if not paths:
        problems.append(Problem(str(folder), 0, "(folder)", "no source files (*.yaml) found"))
    return sources, problems, {path.stem for path in paths}


def load_catalog(indicators: Path | None = None, sources: Path | None = None) -> tuple[Catalog, dict[str, Source]]:
    """Read and check everything; raise DataError listing every problem found in every file."""
    path = indicators or indicators_path()
    problems: list[Problem] = []
    catalog = data = node = None
    try:
        data, node = read_yaml(path)
        if not isinstance(data, dict):
            raise DataError([Problem(str(path), 1, "(top level)",
                                     "must be a mapping with sectors, units, indicators, figures")])
        catalog = Catalog.model_validate(data)
    except DataError as exc:
        problems += exc.problems
    except ValidationError as exc:
        problems += from_validation(exc, str(path), data, node)
    found, source_problems, source_ids = _read_sources(sources or sources_path())
    problems += source_problems
    if catalog is not None:
        checks, where = cross_check(catalog, source_ids or {f.source for f in catalog.figures}), None
    elif isinstance(data, dict):
        checks, where = partial_checks(data, source_ids)
    else:
        checks, where = [], None
    for loc, message, first in checks:
        if where is not None:
            loc, first = in_file(loc, where), first and in_file(first, where)
        if first is not None:
            message += f" (first at line {line_of(node, first)})"
        problems.append(Problem(str(path), line_of(node, loc), field_name(data, loc), message))
    if problems:
        raise DataError(problems)
    return catalog, found
