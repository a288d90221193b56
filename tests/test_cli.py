"""`python -m dashboard validate` as a curator runs it: one problem a line, a summary, exit codes, no traceback."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard import cli
from dashboard.data.load import indicators_path, sources_path

LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+): (?P<field>\S.*?): (?P<message>.+)$")


def validate(data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "validate", "--indicators", str(data.indicators),
                           "--sources", str(data.sources)], capture_output=True, text=True, cwd=data.indicators.parent,
                          env=dict(os.environ, PYTHONPATH=str(cli.ROOT)), timeout=120)


def test_validate_real_data_prints_the_summary(root):
    done = subprocess.run([sys.executable, "-m", "dashboard", "validate"], capture_output=True, text=True, cwd=root,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"OK: \d+ figures, \d+ indicators, \d+ sources, \d+ sectors, \d+ units\.\n", done.stdout)


def test_validate_prints_every_problem_one_a_line(data):
    data.replace("    value: 9000000000000\n", "    value: .nan\n")
    data.replace("period: 2020", "period: 20245")
    data.replace("published: 2026-02-07", "published: 2025-02-30", data.source())
    done = validate(data)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    *problems, summary = done.stderr.splitlines()
    assert summary == f"{len(problems)} problem(s) found."
    assert len(problems) == 3
    for text in problems:
        match = LINE.match(text)
        assert match, text
        assert int(match["line"]) > 0
    assert {LINE.match(t)["field"] for t in problems} == {"figures[zj-gdp-2024].value",
                                                          "figures[zj-digital-core-va-2020].period", "published"}


HOSTILE = {
    "tab": lambda d: d.replace("    geography: Zhejiang\n", "\tgeography: Zhejiang\n"),
    "not UTF-8": lambda d: d.indicators.write_bytes("figures: café\n".encode("latin-1")),
    "deep nesting": lambda d: d.indicators.write_text("a: " + "[" * 200_000 + "]" * 200_000 + "\n"),
    "python tag": lambda d: d.indicators.write_text("a: !!python/object/apply:os.getcwd []\n"),
    "missing file": lambda d: d.indicators.unlink(),
    "bad source date": lambda d: d.replace("published: 2026-02-07", "published: yesterday", d.source()),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_validate_never_shows_a_traceback(data, case):
    """In a separate process, so that a crash of the parser itself (not only an exception) would show."""
    HOSTILE[case](data)
    done = validate(data)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    *problems, summary = done.stderr.splitlines()
    assert problems and all(LINE.match(text) for text in problems), done.stderr
    assert summary == f"{len(problems)} problem(s) found."


def test_validate_in_process_returns_1_and_prints(data, capsys):
    data.indicators.write_text("", encoding="utf-8")
    assert cli.main(["validate", "--indicators", str(data.indicators), "--sources", str(data.sources)]) == 1
    assert capsys.readouterr().err.splitlines() == [f"{data.indicators}:1: (file): file is empty", "1 problem(s) found."]


def test_export_to_a_closed_pipe_is_quiet(root):
    done = subprocess.run(f"{sys.executable} -m dashboard export | head -c 10", shell=True, capture_output=True,
                          text=True, cwd=root, timeout=120)
    assert done.stdout == "\ufefffigure_"
    assert done.stderr == ""


def test_run_serves_the_app_with_streamlits_options_as_its_settings(monkeypatch):
    """`run --server.port 8502 --server.headless true`: uvicorn binds the port, Streamlit reads the rest as settings."""
    calls = []
    monkeypatch.setattr(cli.os, "environ", dict(os.environ))  # the settings the server is given stay with it
    monkeypatch.setattr(cli.os, "chdir", lambda path: calls.append(("chdir", path)))
    monkeypatch.setattr(cli.os, "execv", lambda path, command: calls.append((command, dict(os.environ))))
    monkeypatch.setattr(cli.subprocess, "call", lambda command: calls.append((command, dict(os.environ))) or 0)
    monkeypatch.delenv("STREAMLIT_SERVER_HEADLESS", raising=False)
    assert cli.main(["run", "--server.port", "8502", "--server.headless", "true", "--runner.postScriptGC=true"]) == 0
    command, env = calls[-1]
    assert command[1:4] == ["-m", "uvicorn", cli.SERVED]
    assert command[command.index("--port") + 1] == "8502"
    assert command[command.index("--host") + 1] == "localhost"  # .streamlit/config.toml: this machine only
    assert env["STREAMLIT_SERVER_HEADLESS"] == "true" and env["STREAMLIT_RUNNER_POST_SCRIPT_GC"] == "true"
    if os.name == "posix":
        assert calls[0] == ("chdir", cli.ROOT) and (cli.ROOT / ".streamlit" / "config.toml").is_file()


def test_run_refuses_what_is_not_a_streamlit_option(capsys, monkeypatch):
    monkeypatch.setattr(cli.os, "chdir", lambda path: None)
    assert cli.main(["run", "--port", "8502"]) == 2
    assert cli.main(["run", "--server.port"]) == 2
    assert "--server.port 8502" in capsys.readouterr().err


def test_run_gives_the_server_the_data_paths_as_absolute(monkeypatch, tmp_path):
    """The server runs in the repo root: relative data paths are made absolute against the folder `run` was given in."""
    seen = []
    monkeypatch.setattr(cli.os, "environ", dict(os.environ))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DASHBOARD_INDICATORS", "data/indicators.yaml")
    monkeypatch.setenv("DASHBOARD_SOURCES", "data/sources")
    monkeypatch.setattr(cli.os, "chdir", lambda path: None)
    monkeypatch.setattr(cli.os, "execv", lambda path, command: seen.append(dict(os.environ)))
    monkeypatch.setattr(cli.subprocess, "call", lambda command: seen.append(dict(os.environ)) or 0)
    assert cli.main(["run", "--server.headless", "true"]) == 0
    assert seen[-1]["DASHBOARD_INDICATORS"] == str(tmp_path / "data" / "indicators.yaml")
    assert seen[-1]["DASHBOARD_SOURCES"] == str(tmp_path / "data" / "sources")


def test_relative_data_paths_keep_meaning_the_folder_they_were_given_in(data, monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(data.indicators.parent)
    monkeypatch.setenv("DASHBOARD_INDICATORS", "indicators.yaml")
    monkeypatch.setenv("DASHBOARD_SOURCES", "sources")
    assert cli.main(["validate"]) == 0
    monkeypatch.chdir(tmp_path / "sources")  # as a server in another folder would be
    assert (indicators_path(), sources_path()) == (data.indicators, data.sources)
    assert capsys.readouterr().out.startswith("OK: ")


def test_validate_notes_each_file_it_does_not_read(data):
    ignored = [".#new.yaml", "._new.yaml", ".new.yaml", "new.yaml~", "new.yaml.swp", "#new.yaml#", "notes.txt", "drafts"]
    for name in ignored[:-1]:
        (data.sources / name).write_bytes(b"publisher: [\x00\xff\n")  # neither YAML nor UTF-8: never read
    (data.sources / "drafts").mkdir()
    done = validate(data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ")
    assert done.stderr.splitlines() == [f"{data.sources / name}: note: not read: a source file is named <id>.yaml or "
                                        "<id>.yml and is not hidden" for name in sorted(ignored)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_is_free(port: int) -> bool:
    """Nobody listens on the port and a new server could bind it (as servers do, with SO_REUSEADDR, so the
    TIME_WAIT of closed connections does not count)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.mark.skipif(os.name != "posix", reason="exec replaces the process on POSIX only")
def test_run_becomes_the_server_and_sigterm_stops_it(tmp_path):
    """The PID the user started is the server itself: SIGTERM to it stops the server and frees the port."""
    port = _free_port()
    log = tmp_path / "run.log"
    with log.open("w") as out:  # started from another folder: `run` must still serve with the repo's settings
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "run", "--server.port", str(port),
                                    "--server.headless", "true", "--server.address", "127.0.0.1"],
                                   cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(cli.ROOT)), stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().split(b"\0")
        assert b"uvicorn" in cmdline and b"dashboard" not in cmdline[1:3], cmdline
        assert Path(f"/proc/{process.pid}/cwd").resolve() == cli.ROOT
        os.kill(process.pid, signal.SIGTERM)
        assert process.wait(timeout=30) is not None
        deadline = time.monotonic() + 10
        while not _port_is_free(port):
            assert time.monotonic() < deadline, f"port {port} still taken after the server exited"
            time.sleep(0.2)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=15)
