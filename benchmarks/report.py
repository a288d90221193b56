"""The benchmark's table: one row per measure, its ratio to the minimal app, its goal, and the machine it ran on."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Row:
    """One line of the table: a measure, its value, the minimal app's where there is one, and the goal."""

    measure: str
    data: str
    value: float | None
    floor: float | None = None
    limit: float | None = None  # a ratio to the floor when floor is set, else an absolute bound in `unit`
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def passed(self) -> bool | None:
        if self.limit is None or self.value is None:
            return None
        return (self.ratio if self.floor else self.value) <= self.limit


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        if value < 0.1:
            return f"{value * 1000:.1f} ms"  # reruns take a few ms: whole ms would hide the difference
        return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"
    return f"{value:,.0f} {unit}"


def table(rows: list[Row]) -> str:
    """The rows as a markdown table: absolute values, ratio to the minimal app, goal, pass or fail."""
    lines = ["| Measure | Data | Time | Minimal app | Ratio | Goal | Result |", "|---|---|---:|---:|---:|---|---|"]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        if row.limit is None:
            goal = ""
        elif row.floor:
            goal = f"≤ {row.limit:g}x"
        else:
            goal = f"≤ {_amount(row.limit, row.unit)}"
        result = {True: "pass", False: "**FAIL**", None: ""}[row.passed]
        floor = _amount(row.floor, row.unit) if row.floor else ""
        lines.append(f"| {row.measure} | {row.data} | {_amount(row.value, row.unit)} | {floor} | {ratio} | {goal} "
                     f"| {result} |")
    return "\n".join(lines)


def machine() -> str:
    """CPU, cores, memory and versions, as one markdown line."""
    import pandas
    import plotly
    import streamlit

    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), 0)
    return (f"{cpu}, {os.cpu_count()} cores, {mem} GB RAM, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, pandas {pandas.__version__}, "
            f"Plotly {plotly.__version__}")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
