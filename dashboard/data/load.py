"""Read indicators.yaml and sources/ and validate them into a Catalog and Sources. The only module that reads files."""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import time
from pathlib import Path
from typing import NamedTuple

import yaml
from pydantic import ValidationError

from dashboard.data.checks import cross_check, in_file, partial_checks
from dashboard.data.problems import DataError, Problem, field_name, from_validation, line_of
from dashboard.data.schema import Catalog, Source
from dashboard.data.yaml_reader import YamlProblem, parse

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 5 * 1024 * 1024
ENV_INDICATORS, ENV_SOURCES = "DASHBOARD_INDICATORS", "DASHBOARD_SOURCES"
SUFFIXES = (".yaml", ".yml")  # a source file is sources/<id>.yaml (or .yml)
READS, PAUSE = 5, 0.05  # reads of the data files until two in a row agree, and the seconds between them


def indicators_path() -> Path:
    return Path(os.environ.get(ENV_INDICATORS) or ROOT / "indicators.yaml")


def sources_path() -> Path:
    return Path(os.environ.get(ENV_SOURCES) or ROOT / "sources")


def pin_paths() -> None:
    """Make relative DASHBOARD_INDICATORS and DASHBOARD_SOURCES absolute, for processes started in another folder."""
    for name in (ENV_INDICATORS, ENV_SOURCES):
        if os.environ.get(name):
            os.environ[name] = os.path.abspath(os.environ[name])


class Files(NamedTuple):
    """One read of the data files: each file's bytes, or the problem that kept it from being read."""

    indicators: bytes | Problem
    sources: tuple[tuple[Path, bytes | Problem], ...] | None  # each data file of the folder; None: no folder


class Loaded(NamedTuple):
    """The data read whole and validated, with the version of exactly the bytes it was made of."""

    catalog: Catalog
    sources: dict[str, Source]
    version: str


def _is_source(name: str) -> bool:
    """Whether a file of the sources folder is data: <id>.yaml or <id>.yml, not hidden (editors' lock files are)."""
    return not name.startswith(".") and name.endswith(SUFFIXES)


def _source_files(folder: Path) -> tuple[list[Path], list[Path]] | None:
    """The data files of the sources folder and the other entries in it, by name; None when there is no folder."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    return [folder / n for n in names if _is_source(n)], [folder / n for n in names if not _is_source(n)]


def ignored_sources(folder: Path | None = None) -> list[Path]:
    """The entries of the sources folder that are not read as sources (hidden, lock and backup files, other names)."""
    listing = _source_files(folder or sources_path())
    return listing[1] if listing else []


def _read_once(indicators: Path, sources: Path) -> Files:
    """Every data file's bytes, read once."""
    listing = _source_files(sources)
    found = None if listing is None else tuple((path, _content(path)) for path in listing[0])
    return Files(_content(indicators), found)


def _read_whole(indicators: Path, sources: Path) -> tuple[Files, str | None]:
    """The data files once two reads in a row agree, with None; else the last read and a file that kept changing."""
    last = _read_once(indicators, sources)
    for attempt in range(READS):
        again = _read_once(indicators, sources)
        if again == last:
            return again, None
        before, after = (dict([(indicators, read.indicators), *(read.sources or ())]) for read in (last, again))
        changing = next((str(p) for p in {**before, **after} if before.get(p) != after.get(p)), str(sources))
        last = again
        if attempt < READS - 1:
            time.sleep(PAUSE)
    return last, changing


def _version(files: Files) -> str:
    """A hash of every data file's name and bytes (or the problem read instead)."""
    digest = hashlib.blake2b(digest_size=16)
    folder = [(path.name, content) for path, content in files.sources] if files.sources is not None else [("/", None)]
    for name, content in [("", files.indicators), *folder]:
        blob = content if isinstance(content, bytes) else str(content).encode()
        digest.update(b"%s\0%s%d\0" % (name.encode(), b"b" if isinstance(content, bytes) else b"p", len(blob)) + blob)
    return digest.hexdigest()


def data_version(indicators: Path | None = None, sources: Path | None = None) -> str:
    """A hash of the data files' bytes (read once: small files, cheap each run), whatever their times say; never raises."""
    return _version(_read_once(indicators or indicators_path(), sources or sources_path()))


def _content(path: Path) -> bytes | Problem:
    """The bytes of one data file, after checking it is a regular, not too large file; or why it cannot be read."""
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return Problem(name, 0, "(file)", "is a folder, not a file" if path.is_dir() else "is not a regular file")
        if info.st_size > MAX_BYTES:
            return Problem(name, 0, "(file)", f"file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Problem(name, 0, "(file)", "file not found")
    except OSError as exc:
        return Problem(name, 0, "(file)", f"cannot be read: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        return Problem(name, 0, "(file)", f"file is larger than the limit of {MAX_BYTES:,} bytes")
    return raw


def _text(path: Path, content: bytes | Problem) -> str:
    """The text of one data file's bytes; DataError if it could not be read or is not UTF-8."""
    if isinstance(content, Problem):
        raise DataError([content])
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(str(path), content.count(b"\n", 0, exc.start) + 1, "(file)",
                                 f"is not UTF-8 text (byte 0x{content[exc.start]:02x}); save it as UTF-8")]) from None


def read_articles(folder: Path, names: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The captured article texts by file name, and for each file that cannot be read, why."""
    texts: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for name in sorted(names):
        try:
            texts[name] = _text(folder / name, _content(folder / name))
        except DataError as exc:
            reasons[name] = exc.problems[0].message
    return texts, reasons


def read_yaml(path: Path, content: bytes | Problem | None = None) -> tuple[object, yaml.Node]:
    """Parse one YAML file (or these bytes of it) safely; return its data and node tree (for line numbers), or raise DataError."""
    text = _text(path, _content(path) if content is None else content)
    try:
        data, node = parse(text)
    except YamlProblem as exc:
        raise DataError([Problem(str(path), exc.line, "(yaml)", exc.message)]) from None
    if data is None:
        raise DataError([Problem(str(path), 1, "(file)", "file is empty")])
    return data, node


def _read_sources(folder: Path, files: Files) -> tuple[dict[str, Source], list[Problem], set[str] | None]:
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
    files, changing = _read_whole(path, folder)
    if changing is not None:
        raise DataError([Problem(changing, 0, "(file)", "kept changing while it was read: read it again once it is saved")])
    found = _version(files)
    if version is not None and found != version:
        raise DataError([Problem(str(path), 0, "(file)", "the data files changed while they were read: read them again "
                                                         "(reload the page)")])
    # Reading makes hundreds of thousands of objects (nodes, marks, models) and no cycles; the cycle collector, run
    # again and again over them as they are made, took over half the time (measured at 10,000 figures: 2.3 s with
    # it, 0.9-1.3 s without). It is paused here only, for the read, and always turned back on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return Loaded(*_checked_catalog(path, folder, files), found)
    finally:
        if collecting:
            gc.enable()


def load_catalog(indicators: Path | None = None, sources: Path | None = None) -> tuple[Catalog, dict[str, Source]]:
    """The catalog and sources of load(): read whole and checked; raise DataError listing every problem."""
    catalog, found, _ = load(indicators, sources)
    return catalog, found


def _checked_catalog(path: Path, folder: Path, files: Files) -> tuple[Catalog, dict[str, Source]]:
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
