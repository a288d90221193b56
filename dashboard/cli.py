"""Command line: python -m dashboard run | validate | export | check-quotes | translations."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from dashboard.data.load import DataError, indicators_path, load_catalog, pin_paths, read_articles, sources_path
from dashboard.data.raw import ignored_sources
from dashboard.output import Refused, refuse_inputs, write_file, write_package

APP = Path(__file__).resolve().parent / "serve.py"  # the Streamlit pages and the take-away routes
ROOT = Path(__file__).resolve().parent.parent  # the repo root: Streamlit reads .streamlit/config.toml from here


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code; errors are printed, never raised."""
    argv = sys.argv[1:] if argv is None else argv
    pin_paths()  # relative data paths mean the folder the command was given in, also to the server run starts
    if argv[:1] == ["run"] and not {"-h", "--help"} & set(argv[1:]):
        return _streamlit(argv[1:])  # everything after `run` is streamlit's, options included
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Zhejiang Indicators Dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="open the dashboard (extra arguments go to streamlit)")
    run.add_argument("streamlit_args", nargs=argparse.REMAINDER)
    for name, text in (("validate", "check the data files"), ("export", "write the tidy table"),
                       ("check-quotes", "check every quote against the captured article texts")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--indicators", type=Path, help="indicators file (default: %(default)s)",
                         default=indicators_path())
        sub.add_argument("--sources", type=Path, help="sources folder (default: %(default)s)", default=sources_path())
    export = commands.choices["export"]
    export.add_argument("--format", choices=("csv", "datapackage"), default="csv")
    export.add_argument("--output", default="-", help="file (csv; - for stdout) or folder (datapackage)")
    commands.choices["check-quotes"].add_argument("--articles", type=Path, required=True,
                                                  help="folder of the captured article texts")
    commands.add_parser("translations", help="extract the interface's strings; update and compile each language's catalog")
    args = parser.parse_args(argv)
    if args.command == "run":
        return _streamlit(args.streamlit_args)
    if args.command == "translations":
        from dashboard.text.messages import update

        return update()
    if args.command == "validate":
        for path in ignored_sources(args.sources):
            print(f"{path}: note: not read: a source file is named <id>.yaml or <id>.yml and is not hidden",
                  file=sys.stderr)
    try:
        if args.command == "export" and args.output != "-":
            refuse_inputs(Path(args.output), [args.indicators, args.sources])
        catalog, sources = load_catalog(args.indicators, args.sources)
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 1
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"OK: {len(catalog.figures)} figures, {len(catalog.indicators)} indicators, {len(sources)} sources, "
              f"{len(catalog.sectors)} sectors, {len(catalog.units)} units.")
        return 0
    from dashboard.table.tidy import build_frame  # here: validate needs only the data layer, not pandas

    frame = build_frame(catalog, sources)
    if args.command == "check-quotes":
        return _check_quotes(frame, sources, args.articles)
    try:
        return _export(frame, sources, args.format, args.output)
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _check_quotes(frame, sources, folder: Path) -> int:
    """One line a figure, the articles missing, a summary; 1 if any quote is not verbatim or its fragment misses."""
    from dashboard.text import quotes

    if not folder.is_dir():
        print(f"{folder}: not a folder of article texts", file=sys.stderr)
        return 2
    captures = {sid: source.capture for sid, source in sources.items()}
    texts, reasons = read_articles(folder, set(captures.values()))
    checks = quotes.check(frame, captures, texts)
    for line in [*map(str, checks), *quotes.missing(checks, reasons), quotes.summary(checks)]:
        print(line)
    return 0 if all(c.ok for c in checks) else 1


def _streamlit(arguments: list[str]) -> int:
    """Become the Streamlit server, in the repo root where it finds .streamlit/config.toml; signals reach it directly."""
    command = [sys.executable, "-m", "streamlit", "run", str(APP), *arguments]
    if os.name == "posix" and hasattr(os, "execv"):
        os.chdir(ROOT)
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, command)  # noqa: S606 (no return: this process becomes the server, same PID)
    return subprocess.call(command, cwd=ROOT)  # where exec is unavailable: a child the user's Ctrl-C also reaches


def _export(frame, sources, fmt: str, output: str) -> int:
    """Write the export whole or not at all, never over what it did not write (see dashboard.output)."""
    from dashboard.export import package_files, to_csv

    if fmt == "csv":
        data = to_csv(frame)
        if output == "-":
            try:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            except BrokenPipeError:  # the reader stopped early (| head): not an error, and no second complaint at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        written = write_file(Path(output), data)
        print(f"Wrote {len(frame)} figures to {written}", file=sys.stderr)
        return 0
    if output == "-":
        print("--format datapackage writes a folder: give --output DIR", file=sys.stderr)
        return 2
    written = write_package(Path(output), package_files(frame, sources))
    print(f"Wrote a data package of {len(frame)} figures to {written}/", file=sys.stderr)
    return 0


def run_app() -> int:
    """Console script `zhejiang-dashboard`: open the dashboard, passing any arguments to streamlit."""
    return main(["run", *sys.argv[1:]])
