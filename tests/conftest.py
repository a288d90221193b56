"""Shared fixtures: the repo root, a copy of the real data files to break, hand-made rows, the article texts, the app
under AppTest and the English interface phrases a Chinese page must not show."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from dashboard.data.load import load_catalog
from dashboard.data.problems import DataError, Problem
from dashboard.table.columns import NAMES, localised
from dashboard.table.dataset import load_frame
from dashboard.text.locale import locale
from dashboard.text.messages import po_file

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app" / "main.py"


class DataFiles:
    """indicators.yaml and sources/ copied into a folder, to break one thing at a time and read the problems back."""

    EV = "cdb-2026-02-07-ev-charging"  # a source file used by the tests that break a source

    def __init__(self, folder: Path):
        self.indicators = folder / "indicators.yaml"
        self.sources = folder / "sources"
        shutil.copytree(ROOT / "sources", self.sources)
        shutil.copyfile(ROOT / "indicators.yaml", self.indicators)
        self.real = self.indicators.read_text(encoding="utf-8")

    @property
    def name(self) -> str:
        return str(self.indicators)

    def source(self, sid: str = EV) -> Path:
        return self.sources / f"{sid}.yaml"

    def replace(self, old: str, new: str, path: Path | None = None) -> str:
        """Replace the first `old` with `new` in a data file; return the new text."""
        path = path or self.indicators
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
        return text

    @staticmethod
    def line_at(text: str, snippet: str) -> int:
        """1-based line where `snippet` starts in `text`."""
        assert snippet in text, snippet
        return text[: text.index(snippet)].count("\n") + 1

    def problems(self) -> list[Problem]:
        """The problems load_catalog reports (it must report some)."""
        with pytest.raises(DataError) as caught:
            load_catalog(self.indicators, self.sources)
        assert caught.value.problems, "DataError without problems"
        return caught.value.problems


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's folder."""
    return ROOT


@pytest.fixture(scope="session")
def real() -> pd.DataFrame:
    """The tidy table of the real data as an English page reads it (read-only: copy before changing)."""
    return localised(load_frame(), locale("en"))


@pytest.fixture
def data(tmp_path) -> DataFiles:
    """A copy of the real data files under tmp_path."""
    return DataFiles(tmp_path)


def _row(**fields) -> dict:
    base = dict.fromkeys(NAMES)
    base.update(figure_id="f", indicator_id="i", indicator="I", sector="s", sector_label="S", geography="G",
                period="2020", period_stated=True, year_start=2020, year_end=2020, value=1.0, unit="CNY",
                unit_label="yuan", value_text="1 yuan", value_label="1 yuan", qualifier="exact", status="actual", source_id="src",
                source_title="T", publisher="P", published="2024-01-01", url="https://example.org/a", quote="q")
    base.update(fields)
    return base


def _frame(*rows: dict) -> pd.DataFrame:
    return localised(pd.DataFrame([_row(**r) for r in rows], columns=list(NAMES)), locale("en"))


@pytest.fixture(scope="session")
def make_rows():
    """Hand-made rows of the tidy table: make_rows(dict(field=value), ...) is a frame; unset fields take plain defaults."""
    return _frame


@pytest.fixture(scope="session")
def articles() -> Path:
    """The folder of captured article texts named by DASHBOARD_ARTICLES."""
    folder = os.environ.get("DASHBOARD_ARTICLES")
    if not folder:
        pytest.skip("DASHBOARD_ARTICLES is not set: the article texts are needed to check quotes")
    path = Path(folder)
    if not path.is_dir():
        pytest.skip(f"DASHBOARD_ARTICLES={folder} is not a folder")
    return path


def _apt_install(package: str) -> str:
    """Install a Debian package with apt-get when we are root; return what happened."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return f"not root, so apt-get cannot install {package}"
    if not shutil.which("apt-get"):
        return "no apt-get on this machine"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", package]):
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            return f"{' '.join(command)} failed: {result.stderr.strip()[-300:]}"
    return "installed"


def _find(names: tuple[str, ...]) -> str | None:
    """The first of these programs found on PATH or given as a path that exists."""
    for name in names:
        found = shutil.which(name) or (name if Path(name).is_file() else None)
        if found:
            return found
    return None


def _program(package: str, *names: str) -> str:
    """A program of a Debian package, installed when missing; the test skips without it, except in CI, where it fails."""
    found = _find(names)
    if found is None:
        outcome = _apt_install(package)
        found = _find(names)
        if found is None:
            if os.environ.get("CI"):
                pytest.fail(f"{package} is needed for this test in CI: {outcome}")
            pytest.skip(f"{package} cannot be had here: {outcome}")
    return found


@pytest.fixture(scope="session")
def debian_program():
    """debian_program(package, *names): the path of a program the tests need, installed with apt-get when missing."""
    return _program


def _open_app(page: str | None = None, **query: str | list[str]) -> AppTest:
    """The app under AppTest with these address parameters, run once (on `page`, a page file, when given)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run() if page else at


@pytest.fixture(scope="session")
def open_app():
    """open_app(page=None, **query): the app under AppTest, run once with these address parameters."""
    return _open_app


@functools.cache
def _phrases() -> tuple[str, ...]:
    """The interface's English phrases of three words or more (placeholders and Markdown marks cut out)."""
    with open(po_file("zh"), "rb") as handle:
        catalog = read_po(handle)
    found = set()
    for message in catalog:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in re.split(r"\{[^}]*\}|\*\*|:\w+\[|[\[\]()`]", text):
                part = " ".join(part.split()).strip(" .,;:")
                if len(re.findall(r"[A-Za-z]{2,}", part)) >= 3:
                    found.add(part)
    return tuple(sorted(found))


def _page_text(node) -> str:
    """Everything an AppTest node and its children hold (labels, help, Markdown, HTML, chart specs), unescaped."""
    proto = getattr(node, "proto", None)
    text = str(proto) if proto is not None else ""
    parts = [text, *(_page_text(child) for child in getattr(node, "children", {}).values())]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def _english_left(at: AppTest) -> list[str]:
    """The interface's English phrases still shown by an AppTest run (main area and sidebar)."""
    shown = " ".join(_page_text(at.main).split()) + " " + " ".join(_page_text(at.sidebar).split())
    return [phrase for phrase in _phrases() if phrase in shown]


@pytest.fixture(scope="session")
def english_left():
    """english_left(at): the English interface phrases (three words or more) an AppTest page still shows."""
    return _english_left


@pytest.fixture(scope="session")
def web():
    """A client of the take-away routes alone (no Streamlit), serving the data files the environment names."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from dashboard.web.routes import routes

    return TestClient(Starlette(routes=routes))


@pytest.fixture
def web_data(data, monkeypatch) -> DataFiles:
    """A copy of the data files (the `data` fixture) that the take-away routes serve from now on in this test."""
    monkeypatch.setenv("DASHBOARD_INDICATORS", str(data.indicators))
    monkeypatch.setenv("DASHBOARD_SOURCES", str(data.sources))
    return data


@pytest.fixture(scope="session")
def interface_phrases() -> tuple[str, ...]:
    """The interface's English phrases of three words or more, which a Chinese page must not show."""
    return _phrases()


# Text written to act: Markdown (bold, a link, an image), HTML (an image with a handler, a link, bold), LaTeX,
# Streamlit's colour markup and a bare address. Hostile data puts it in every text field of the data files.
HOSTILE = ('**b** [x](http://evil.example) ![i](http://evil.example/p.png) <img src=x onerror=alert(1)> '
           '<a href="http://evil.example">a</a> <b>b</b> $x^2$ :red[red] http://evil.example/x')
HOSTILE_SHORT = '<b>b</b> **b** [x](http://evil.example) $x^2$'  # for a figure's label (60 characters at most)
HOSTILE_TEXT = {  # the text fields of each part of the data files, and which of their parts hold more
    "sectors": ("label", "label_zh", "description", "description_zh"),
    "units": ("label", "label_zh", "description", "description_zh"),
    "indicators": ("name", "name_zh", "description", "description_zh"),
    "places": ("name", "name_zh"),
    "figures": ("note", "note_zh"),
    "charts": ("title", "title_zh", "subtitle", "subtitle_zh", "note", "note_zh"),
    "source": ("publisher", "publisher_zh", "headline", "author", "summary", "summary_zh", "note", "note_zh"),
}


def _acting(text: object, payload: str = HOSTILE) -> object:
    """The text with the payload after it (a Chinese field keeps its Chinese); a missing field stays missing."""
    return f"{text} {payload}" if isinstance(text, str) and text else text


def write_hostile(folder: Path) -> DataFiles:
    """A copy of the data files under `folder` whose every text field also holds HOSTILE, still valid: names, labels,
    units' labels, prefixes and suffixes, notes, descriptions, titles, headlines, publishers, authors, summaries and
    places, in English and in Chinese."""
    import yaml

    files = DataFiles(folder)
    catalog = yaml.safe_load(files.real)
    for part in ("sectors", "units", "indicators", "places", "figures", "charts"):
        for item in catalog[part]:
            item.update({field: _acting(item.get(field)) for field in HOSTILE_TEXT[part] if field in item})
    for unit in catalog["units"]:
        shown = unit.setdefault("display", {})
        for side in ("prefix", "suffix"):
            if shown.get(side) or shown.get(f"{side}_zh"):
                shown[side] = f"{shown.get(side, '')} {HOSTILE_SHORT} " if side == "prefix" else _acting(
                    shown.get(side) or "x", HOSTILE_SHORT)
                shown[f"{side}_zh"] = _acting(shown.get(f"{side}_zh") or "元", HOSTILE_SHORT)
    for figure in catalog["figures"]:
        figure["geography"] = _acting(figure["geography"])
        if figure.get("label"):
            figure["label"] = f"{figure['label'][:10]} {HOSTILE_SHORT}"
            figure["label_zh"] = f"{figure['label_zh'][:10]} {HOSTILE_SHORT}"
    files.indicators.write_text(yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False, width=10_000),
                                encoding="utf-8")
    for path in sorted(files.sources.glob("*.yaml")):
        source = yaml.safe_load(path.read_text(encoding="utf-8"))
        source.update({field: _acting(source.get(field)) for field in HOSTILE_TEXT["source"] if field in source})
        source["author"] = source.get("author") or f"An author {HOSTILE}"
        path.write_text(yaml.safe_dump(source, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return files


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory) -> DataFiles:
    """Data files whose every text field also holds HOSTILE (read-only: the same files for the whole session)."""
    files = write_hostile(tmp_path_factory.mktemp("hostile"))
    load_catalog(files.indicators, files.sources)  # valid: raises DataError otherwise
    return files


@pytest.fixture
def hostile(hostile_files, monkeypatch) -> DataFiles:
    """HOSTILE data files, served by the app and the take-away routes from now on in this test."""
    monkeypatch.setenv("DASHBOARD_INDICATORS", str(hostile_files.indicators))
    monkeypatch.setenv("DASHBOARD_SOURCES", str(hostile_files.sources))
    return hostile_files
