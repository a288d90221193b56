"""The interface's translation catalogs, kept with Babel: extract the strings, update each language's .po, compile .mo."""

from __future__ import annotations

from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from dashboard.text.locale import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parents[1]  # the dashboard package, every layer
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = ("-k", "N_")  # besides Babel's own (_, gettext, ngettext...): strings marked where they are defined


def extract(output: Path = TEMPLATE) -> Path:
    """Write the template of every interface string in the package (no source lines: a move is not a change)."""
    _pybabel("extract", *KEYWORDS, "--no-location", "--sort-output", "--project", "zhejiang-dashboard",
             "--copyright-holder", "Zhejiang Indicators Dashboard", "-o", str(output), str(PACKAGE))
    return output


def po_file(lang: str) -> Path:
    """Where a language's catalog is kept."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def update() -> int:
    """Extract, then bring every language's catalog up to date with the code and compile it; 0 when done."""
    extract()
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        if not po_file(lang).exists():
            _pybabel("init", "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-D", DOMAIN, "-l", lang)
        _pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-D", DOMAIN, "-l", lang, "--no-fuzzy-matching",
                 "--ignore-obsolete", "--no-wrap")
    _pybabel("compile", "-d", str(LOCALE_DIR), "-D", DOMAIN, "--statistics")
    return 0


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])
