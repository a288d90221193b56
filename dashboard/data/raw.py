"""The data files' bytes, read whole (until two reads agree), and their version: a hash of exactly those bytes."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path
from typing import NamedTuple

from dashboard.data.problems import DataError, Problem

MAX_BYTES = 5 * 1024 * 1024
# A file changed this close before its bytes were hashed is hashed again on the next look: a file's times are coarser
# than a write (up to 2 s on some file systems), so a later same-size write could leave them as they were.
SETTLED_NS = 2 * 10**9
SUFFIXES = (".yaml", ".yml")  # a source file is sources/<id>.yaml (or .yml)
READS, PAUSE = 5, 0.05  # reads of the data files until two in a row agree, and the seconds between them


class Files(NamedTuple):
    """One read of the data files: each file's bytes, or the problem that kept it from being read."""

    indicators: bytes | Problem
    sources: tuple[tuple[Path, bytes | Problem], ...] | None  # each data file of the folder; None: no folder


def _is_source(name: str) -> bool:
    """Whether a file of the sources folder is data: <id>.yaml or <id>.yml, not hidden (editors' lock files are)."""
    return not name.startswith(".") and name.endswith(SUFFIXES)


def source_files(folder: Path) -> tuple[list[Path], list[Path]] | None:
    """The data files of the sources folder and the other entries in it, by name; None when there is no folder."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    return [folder / n for n in names if _is_source(n)], [folder / n for n in names if not _is_source(n)]


def ignored_sources(folder: Path) -> list[Path]:
    """The entries of the sources folder that are not read as sources (hidden, lock and backup files, other names)."""
    listing = source_files(folder)
    return listing[1] if listing else []


def read_once(indicators: Path, sources: Path) -> Files:
    """Every data file's bytes, read once."""
    listing = source_files(sources)
    found = None if listing is None else tuple((path, content(path)) for path in listing[0])
    return Files(content(indicators), found)


def read_whole(indicators: Path, sources: Path) -> tuple[Files, str | None]:
    """The data files once two reads in a row agree, with None; else the last read and a file that kept changing."""
    last = read_once(indicators, sources)
    for attempt in range(READS):
        again = read_once(indicators, sources)
        if again == last:
            return again, None
        before, after = (dict([(indicators, read.indicators), *(read.sources or ())]) for read in (last, again))
        changing = next((str(p) for p in {**before, **after} if before.get(p) != after.get(p)), str(sources))
        last = again
        if attempt < READS - 1:
            time.sleep(PAUSE)
    return last, changing


class _Hashed(NamedTuple):
    """The version of the data files' bytes, with the files' stamps and the time they were read."""

    stamps: tuple[Stamp, tuple[Stamp, ...] | None]
    read_at: int
    version: str


_hashed: dict[tuple[Path, Path], _Hashed] = {}  # the last version hashed, by the data files' paths


class Stamp(NamedTuple):
    """What changes whenever a file's bytes do: its inode, size, modification and change times (a failed stat: its
    error number as the inode, and no times)."""

    path: str
    inode: int
    size: int = -1
    mtime_ns: int = 0
    ctime_ns: int = 0


def _stamp(path: str) -> Stamp:
    try:
        info = os.stat(path)
    except OSError as exc:
        return Stamp(path, exc.errno or 0)
    return Stamp(path, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def stamps(indicators: Path, sources: Path) -> tuple[Stamp, tuple[Stamp, ...] | None]:
    """The stamps of every data file, and of the sources folder's listing (plain strings: this runs on every look)."""
    try:
        names = sorted(name for name in os.listdir(sources) if _is_source(name))
    except OSError:
        return _stamp(str(indicators)), None
    return _stamp(str(indicators)), tuple(_stamp(os.path.join(sources, name)) for name in names)


def _newest(found: tuple[Stamp, tuple[Stamp, ...] | None]) -> int:
    """The latest modification or change time among these stamps (0 when there is none)."""
    return max(max(s.mtime_ns, s.ctime_ns) for s in (found[0], *(found[1] or ())))


def current_version(indicators: Path, sources: Path) -> str:
    """The version of the data files' bytes as they are now. The bytes are hashed again unless no file's stamp changed
    since the last hash and every file had settled before it (the rule git's index keeps for "racily clean" files)."""
    key, before = (indicators, sources), stamps(indicators, sources)
    known = _hashed.get(key)
    if known is not None and known.stamps == before and _newest(before) < known.read_at - SETTLED_NS:
        return known.version
    read_at = time.time_ns()
    found = version(read_once(indicators, sources))
    if stamps(indicators, sources) == before:  # not changed while read
        _hashed[key] = _Hashed(before, read_at, found)
    return found


def version(files: Files) -> str:
    """A hash of every data file's name and bytes (or the problem read instead)."""
    digest = hashlib.blake2b(digest_size=16)
    folder = [(path.name, data) for path, data in files.sources] if files.sources is not None else [("/", None)]
    for name, data in [("", files.indicators), *folder]:
        blob = data if isinstance(data, bytes) else str(data).encode()
        digest.update(b"%s\0%s%d\0" % (name.encode(), b"b" if isinstance(data, bytes) else b"p", len(blob)) + blob)
    return digest.hexdigest()


def content(path: Path) -> bytes | Problem:
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


def text(path: Path, data: bytes | Problem) -> str:
    """The text of one data file's bytes; DataError if it could not be read or is not UTF-8."""
    if isinstance(data, Problem):
        raise DataError([data])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(str(path), data.count(b"\n", 0, exc.start) + 1, "(file)",
                                 f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8")]) from None
