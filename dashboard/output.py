"""Where an export writes: never over its own input or over files it did not write, each file whole or not at all."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path


class Refused(Exception):
    """The export would write over something it must not; the message says what and where."""


def real(path: Path) -> Path:
    """The path with every symlink followed, absolute (as far as it exists)."""
    return Path(os.path.realpath(path))


def refuse_inputs(output: Path, inputs: list[Path]) -> None:
    """Refuse an output that is an input, lies inside an input folder or holds an input."""
    target = real(output)
    for path in map(real, inputs):
        if target == path:
            raise Refused(f"{output}: refused: it is {path}, which this export reads; an export never writes over its input")
        if path in target.parents:
            raise Refused(f"{output}: refused: it lies inside {path}, which this export reads")
        if target in path.parents:
            raise Refused(f"{output}: refused: it holds {path}, which this export reads")


def _beside(path: Path, make: Callable[[Path], object]) -> tuple[Path, object]:
    """A new hidden name beside `path`, made with `make` (which must fail if the name exists), and what it returned."""
    while True:
        fresh = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return fresh, make(fresh)
        except FileExistsError:
            continue


def _mode(path: Path) -> int | None:
    """The permission bits of an existing file or folder; None where there is none."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def write_file(output: Path, data: bytes) -> Path:
    """Write a file whole (renamed over it), through a link, keeping its mode (a new one: the umask); return its path."""
    target = real(output)
    if target.is_dir():
        raise Refused(f"{output}: refused: it is a folder; give a file name")
    mode = _mode(target)
    temp, handle = _beside(target, lambda p: os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


def _ours(folder: Path, files: dict[str, bytes]) -> bool:
    """Whether a folder is empty or a data package an export wrote: only its files, with its name and profile."""
    entries = list(folder.iterdir())
    if not entries:
        return True
    if not {e.name for e in entries} <= set(files) or any(e.is_symlink() or not e.is_file() for e in entries):
        return False
    try:
        found = json.loads((folder / "datapackage.json").read_bytes())
    except (OSError, ValueError):
        return False
    made = json.loads(files["datapackage.json"])
    return isinstance(found, dict) and all(found.get(key) == made[key] for key in ("name", "$schema"))


def _remove(folder: Path, files: dict[str, bytes]) -> None:
    """Remove the files an export writes from a folder, then the folder if nothing else is left in it."""
    for name in files:
        (folder / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def write_package(output: Path, files: dict[str, bytes]) -> Path:
    """Write a package folder whole (renamed into place) over nothing, an empty folder or an earlier export; its path."""
    target = real(output)
    if target.exists() and not target.is_dir():
        raise Refused(f"{output}: refused: it exists and is not a folder")
    if target.exists() and not _ours(target, files):
        names = sorted(p.name for p in target.iterdir())
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        raise Refused(f"{output}: refused: the folder holds files this export did not write ({shown}); give a new "
                      "or empty folder, or one an earlier export wrote")
    staging, _ = _beside(target, lambda p: p.mkdir(0o777))
    aside = None
    try:
        for name, content in files.items():
            (staging / name).write_bytes(content)
            if (mode := _mode(target / name)) is not None:
                os.chmod(staging / name, mode)
        if (mode := _mode(target)) is not None:
            os.chmod(staging, mode)
            aside = staging.with_name(staging.name + ".old")  # a name as new as the staging folder's
            target.rename(aside)
        try:
            staging.rename(target)
        except OSError:
            if aside is not None:
                aside.rename(target)  # the old package back in its place
                aside = None
            raise
    finally:
        if staging.exists():
            _remove(staging, files)
        if aside is not None:
            _remove(aside, files)
    return target
