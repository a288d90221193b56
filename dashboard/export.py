"""Turn the tidy frame into files people take away: safe CSV and a Frictionless Data Package. No file I/O."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pandas as pd

from dashboard import __version__
from dashboard.table.columns import BY_NAME
from dashboard.text.locale import N_

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LICENCE = N_(
    "The figures are facts reported by the publishers named in each row. The quotes are short excerpts kept as "
    "evidence and remain the publishers' copyright. Everything else (names, descriptions, notes, derived values) "
    "is offered under CC BY 4.0: cite the Zhejiang Indicators Dashboard and the original article."
)
CITATION = N_(
    "Zhejiang Indicators Dashboard (version {version}), curated figures on Zhejiang province, data downloaded "
    "{date}. Cite each figure's original article as well (publisher, headline, date, address in the data)."
)


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (OWASP CSV injection); numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with a byte-order mark (RFC 4180, CRLF), formula-like text neutralised.

    The mark makes Excel read the file as UTF-8 ("≈", "’", Chinese); pandas and Frictionless skip it. CRLF as the
    line end makes the writer quote every cell holding a CR or LF, so no reader splits a row.
    """
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(safe_cell)
    return safe.to_csv(index=False, lineterminator="\r\n", float_format="%.15g").encode("utf-8-sig")


def data_updated(sources: dict) -> dt.date | None:
    """When the data was last updated: the latest date a source article was read (its `accessed` date)."""
    dates = [source.accessed for source in sources.values() if getattr(source, "accessed", None)]
    return max(dates) if dates else None


def datapackage(frame: pd.DataFrame, sources: dict, today: dt.date | None = None, version: str | None = None) -> dict:
    """The datapackage.json descriptor (Data Package v2) for figures.csv; `version`: the data files' version."""
    today = today or dt.date.today()
    updated = data_updated(sources)
    fields = []
    for column in frame.columns:
        known = BY_NAME.get(column)
        fields.append({"name": column, "type": known.type if known else "string",
                       "description": known.meaning if known else column})
    used = sorted(set(frame["source_id"]))
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "zhejiang-indicators",
        "title": "Zhejiang Indicators: curated figures with their sources",
        "description": "Figures about Zhejiang province's economy, technology and society, each with the article "
                       "that reported it and the words around the number.",
        "version": __version__,
        "created": dt.datetime.combine(today, dt.time()).isoformat() + "Z",
        **({"dataUpdated": updated.isoformat()} if updated else {}),  # the latest date a source was read
        **({"dataVersion": version[:8]} if version else {}),  # the first 8 hex digits of the data files' hash
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (see README for the terms)"}],
        "sources": [_source_entry(sid, sources.get(sid)) for sid in used],
        "resources": [{
            "name": "figures",
            "path": "figures.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",  # the byte-order mark is allowed and skipped by readers
            "schema": {"fields": fields, "primaryKey": ["figure_id"]},
        }],
    }


def _source_entry(source_id: str, source) -> dict:
    if source is None:
        return {"title": source_id}
    entry = {"title": f"{source.publisher}: {source.headline} ({source.published.isoformat()})"}
    if source.url:
        entry["path"] = str(source.url)
    return entry


def readme(frame: pd.DataFrame, today: dt.date | None = None, updated: dt.date | None = None,
           version: str | None = None) -> str:
    """The README.md shipped inside the data package."""
    today = today or dt.date.today()
    when = f"Data last updated {updated.isoformat()} (the latest date a source article was read)" if updated else ""
    which = f"data version {version[:8]}" if version else ""
    dated = "; ".join(part for part in (when, which) if part)
    return (
        "# Zhejiang Indicators: data package\n\n"
        f"figures.csv holds {len(frame)} figures; datapackage.json describes every column and lists the sources.\n\n"
        + (f"{dated[0].upper()}{dated[1:]}.\n\n" if dated else "") +
        "## How to cite\n\n" + CITATION.format(version=__version__, date=today.isoformat()) + "\n\n"
        "## Licence\n\n" + LICENCE + "\n\n"
        "Text cells that begin with =, +, -, @, a tab or a carriage return are written with a leading ' so that "
        "spreadsheets do not run them as formulas.\n"
    )


def package_files(frame: pd.DataFrame, sources: dict, today: dt.date | None = None,
                  version: str | None = None) -> dict[str, bytes]:
    """Every file of the data package, by name; `version`: the data files' version, named in both descriptions."""
    descriptor = datapackage(frame, sources, today, version)
    return {
        "figures.csv": to_csv(frame),
        "datapackage.json": (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode(),
        "README.md": readme(frame, today, data_updated(sources), version).encode(),
    }


def package_zip(frame: pd.DataFrame, sources: dict, today: dt.date | None = None, version: str | None = None) -> bytes:
    """The data package as one zip archive (a folder zhejiang-indicators/ inside), every file readable (0644)."""
    today = today or dt.date.today()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in package_files(frame, sources, today, version).items():
            member = zipfile.ZipInfo(f"zhejiang-indicators/{name}", date_time=(today.year, today.month, today.day, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(member, content)
    return buffer.getvalue()
