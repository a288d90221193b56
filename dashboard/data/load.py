"""Read indicators.yaml and sources/ whole and validate them into a Catalog and Sources, with their version."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import yaml
from pydantic import ValidationError

from dashboard.data import raw
from dashboard.data.checks import cross_check, in_file, partial_checks
from dashboard.data.problems import DataError, Problem, field_name, from_validation, line_of
from dashboard.data.schema import Catalog, Source
from dashboard.data.yaml_reader import YamlProblem, parse

ROOT = Path(__file__).resolve().parents[2]
ENV_INDICATORS, ENV_SOURCES = "DASHBOARD_INDICATORS", "DASHBOARD_SOURCES"


def indicators_path() -> Path:
    return Path(os.environ.get(ENV_INDICATORS) or ROOT / "indicators.yaml")


def sources_path() -> Path:
    return Path(os.environ.get(ENV_SOURCES) or ROOT / "sources")


def pin_paths() -> None:
    """Make relative DASHBOARD_INDICATORS and DASHBOARD_SOURCES absolute, for processes started in another folder."""
    for name in (ENV_INDICATORS, ENV_SOURCES):
        if os.environ.get(name):
            os.environ[name] = os.path.abspath(os.environ[name])


class DataChanged(DataError):
    """The data files changed between the lookup of their version and their read: look the version up again."""


class Loaded(NamedTuple):
    """The data read whole and validated, with the version of exactly the bytes it was made of."""

    catalog: Catalog
    sources: dict[str, Source]
    version: str


def data_version(indicators: Path | None = None, sources: Path | None = None) -> str:
    """A hash of the data files' bytes, whatever their times say (read again whenever a file's stamp changes); never
    raises."""
    return raw.current_version(indicators or indicators_path(), sources or sources_path())


def read_articles(folder: Path, names: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The captured article texts by file name, and for each file that cannot be read, why."""
    texts: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for name in sorted(names):
        try:
            texts[name] = raw.text(folder / name, raw.content(folder / name))
        except DataError as exc:
            reasons[name] = exc.problems[0].message
    return texts, reasons


def read_yaml(path: Path, content: bytes | Problem | None = None) -> tuple[object, yaml.Node]:
    """Parse one YAML file (or these bytes of it) safely; return its data and node tree (for line numbers), or raise DataError."""
    text = raw.text(path, raw.content(path) if content is None else content)
    try:
        data, node = parse(text)
    except YamlProblem as exc:
        raise DataError([Problem(str(path), exc.line, "(yaml)", exc.message)]) from None
    if data is None:
        raise DataError([Problem(str(path), 1, "(file)", "file is empty")])
    return data, node


def _read_sources(folder: Path, files: raw.Files) -> tuple[dict[str, Source], list[Problem], set[str] | None]:
    """The valid sources, the problems of the others, and the ids of every source file (None: no folder)."""
    if files.sources is None:
        return {}, [Problem(str(folder), 0, "(folder)", "sources folder not found")], None
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    claimed: dict[str, Path] = {}  # source id: the file that holds it
    for path, content in files.sources:
        if path.stem in claimed:
            problems.append(Problem(str(path), 0, "(file)", f"source {path.stem!r} is also in {claimed[path.stem].name}: "
                                                            "keep one of the two files"))
        claimed.setdefault(path.stem, path)
        data = node = None
        try:
            data, node = read_yaml(path, content)
            if not isinstance(data, dict):
                raise DataError([Problem(str(path), 1, "(top level)", "must be a mapping of field: value")])
            sources[path.stem] = Source.model_validate(data)
        except DataError as exc:
            problems += exc.problems
        except ValidationError as exc:
            problems += from_validation(exc, str(path), data, node)
    if not files.sources:
        problems.append(Problem(str(folder), 0, "(folder)", "no source files (<id>.yaml) found"))
    return sources, problems, set(claimed)


def load(indicators: Path | None = None, sources: Path | None = None, version: str | None = None) -> Loaded:
    """The data read whole (two reads that agree) and checked, with its version (only `version`, if given); or DataError."""
    path, folder = indicators or indicators_path(), sources or sources_path()
    files, changing = raw.read_whole(path, folder)
    if changing is not None:
        raise DataError([Problem(changing, 0, "(file)", "kept changing while it was read: read it again once it is saved")])
    found = raw.version(files)
    if version is not None and found != version:
        raise DataChanged([Problem(str(path), 0, "(file)", "the data files changed while they were read")])
    return Loaded(*_checked_catalog(path, folder, files), found)


def load_catalog(indicators: Path | None = None, sources: Path | None = None) -> tuple[Catalog, dict[str, Source]]:
    """The catalog and sources of load(): read whole and checked; raise DataError listing every problem."""
    catalog, found, _ = load(indicators, sources)
    return catalog, found


def _checked_catalog(path: Path, folder: Path, files: raw.Files) -> tuple[Catalog, dict[str, Source]]:
    """load's work on the bytes read."""
    problems: list[Problem] = []
    catalog = data = node = None
    try:
        data, node = read_yaml(path, files.indicators)
        if not isinstance(data, dict):
            raise DataError([Problem(str(path), 1, "(top level)",
                                     "must be a mapping with sectors, units, indicators, figures")])
        catalog = Catalog.model_validate(data)
    except DataError as exc:
        problems += exc.problems
    except ValidationError as exc:
        problems += from_validation(exc, str(path), data, node)
    found, source_problems, source_ids = _read_sources(folder, files)
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
