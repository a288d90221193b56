"""A copy of the real data files in a temporary folder, to break one thing at a time and read the problems back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.load import DataError, Problem, load_catalog

ROOT = Path(__file__).resolve().parent.parent
REAL = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
EV = "cdb-2026-02-07-ev-charging"  # a source file used by the tests that break a source


def line_at(text: str, snippet: str) -> int:
    """1-based line where `snippet` starts in `text`."""
    assert snippet in text, snippet
    return text[: text.index(snippet)].count("\n") + 1


class Data:
    """indicators.yaml and sources/ copied under tmp_path."""

    def __init__(self, folder: Path):
        self.indicators = folder / "indicators.yaml"
        self.sources = folder / "sources"
        shutil.copytree(ROOT / "sources", self.sources)
        self.indicators.write_text(REAL, encoding="utf-8")

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

    def problems(self) -> list[Problem]:
        """The problems load_catalog reports (it must report some)."""
        with pytest.raises(DataError) as caught:
            load_catalog(self.indicators, self.sources)
        assert caught.value.problems, "DataError without problems"
        return caught.value.problems
