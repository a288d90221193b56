"""Hand-made rows of the tidy table, for tests of views and charts."""

import pandas as pd

from dashboard.load import COLUMNS


def row(**fields) -> dict:
    base = dict.fromkeys(COLUMNS)
    base.update(figure_id="f", indicator_id="i", indicator="I", sector="s", sector_label="S", geography="G",
                period="2020", year_start=2020, year_end=2020, value=1.0, unit="CNY", unit_label="yuan",
                value_text="1 yuan", value_label="1 yuan", qualifier="exact", status="actual", source_id="src",
                source_title="T", publisher="P", published="2024-01-01", url="https://example.org/a", quote="q")
    base.update(fields)
    return base


def frame_of(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def charted(frame: pd.DataFrame) -> list[str]:
    """The indicators with several figures (a chart each), in order of first appearance."""
    counts = frame["indicator_id"].value_counts(sort=False)
    return [i for i in frame["indicator_id"].unique() if counts[i] > 1]

