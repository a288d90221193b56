"""Command line: python -m dashboard run | validate | export | check-quotes | translations."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from dashboard.data.load import DataError, indicators_path, load_catalog, pin_paths, read_articles, sources_path
from dashboard.data.raw import ignored_sources
from dashboard.output import Refused, refuse_inputs, write_file, write_package

SERVED = "dashboard.serve:app"  # the st.App of the Streamlit pages and the take-away routes, as uvicorn names it
ROOT = Path(__file__).resolve().parent.parent  # the repo root: Streamlit reads .streamlit/config.toml from here


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code; errors are printed, never raised."""
    argv = sys.argv[1:] if argv is None else argv
    pin_paths()  # relative data paths mean the folder the command was given in, also to the server run starts
    if argv[:1] == ["run"] and not {"-h", "--help"} & set(argv[1:]):
        return _serve(argv[1:])  # everything after `run` is a Streamlit option
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Zhejiang Indicators Dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve the dashboard (Streamlit options such as --server.port 8502 are its settings)")
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
        return _serve(args.streamlit_args)
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


def server_command(app: str, options: list[str]) -> tuple[list[str], dict[str, str]]:
    """The command that serves `app` (an st.App, as module:name) with uvicorn, and the settings it needs: Streamlit's
    options (`--server.port 8502` or `--server.port=8502`) become its environment settings (STREAMLIT_SERVER_PORT).

    uvicorn binds its own socket, so every connection has TCP_NODELAY. `streamlit run` (1.67) binds one without the
    TCP protocol number, which leaves Nagle's algorithm on: each answer after a connection's first, a rerun's
    messages included, waits for the browser's delayed acknowledgement, about 40 ms.
    """
    settings: dict[str, str] = {}
    rest = list(options)
    while rest:
        name, _, value = rest.pop(0).partition("=")
        if not re.fullmatch(r"--[a-zA-Z]+\.[a-zA-Z]+", name) or (not value and not rest):
            raise ValueError(f"not a Streamlit option: {name!r} (use --section.option VALUE, e.g. --server.port 8502)")
        settings[name[2:]] = value or rest.pop(0)
    env = {_setting_name(key): value for key, value in settings.items()}
    from streamlit import get_option  # here: the other commands need not load Streamlit

    def option(name: str):
        """An option as given here, else as Streamlit's settings give it (.streamlit/config.toml, the environment)."""
        return settings.get(name) or get_option(name)

    address = option("server.address") or "localhost"
    where = ["--uds", address.removeprefix("unix://")] if address.startswith("unix://") else [
        "--host", address, "--port", str(option("server.port"))]
    certificate, key = option("server.sslCertFile"), option("server.sslKeyFile")
    secure = ["--ssl-certfile", certificate, "--ssl-keyfile", key] if certificate and key else []
    max_bytes = int(float(option("server.maxMessageSize")) * 1_000_000)
    command = [sys.executable, "-m", "uvicorn", app, *where, *secure, "--ws", "websockets-sansio",
               "--ws-max-size", str(max_bytes), "--ws-ping-interval", "30", "--ws-ping-timeout", "30",
               "--ws-per-message-deflate", "false", "--no-access-log", "--log-level", "warning",
               "--timeout-graceful-shutdown", "5"]
    return command, env


def _setting_name(option: str) -> str:
    """The environment setting of a Streamlit option: server.maxUploadSize is STREAMLIT_SERVER_MAX_UPLOAD_SIZE."""
    snake = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", option.replace(".", "_")))
    return f"STREAMLIT_{snake.upper()}"


def _serve(arguments: list[str]) -> int:
    """Become the server, in the repo root where Streamlit finds .streamlit/config.toml; signals reach it directly."""
    os.chdir(ROOT)
    try:
        command, settings = server_command(SERVED, arguments)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    os.environ.update(settings)
    where = command[command.index("--uds") + 1] if "--uds" in command else \
        f"http://{command[command.index('--host') + 1]}:{command[command.index('--port') + 1]}"
    print(f"Zhejiang Indicators Dashboard: {where}", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix" and hasattr(os, "execv"):
        os.execv(sys.executable, command)  # noqa: S606 (no return: this process becomes the server, same PID)
    return subprocess.call(command)  # where exec is unavailable: a child the user's Ctrl-C also reaches


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
    """Console script `zhejiang-dashboard`: serve the dashboard, with any Streamlit options as its settings."""
    return main(["run", *sys.argv[1:]])
