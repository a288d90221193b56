"""The dashboard's two languages: which one a reader gets, the interface's gettext catalogs, the data's Chinese columns."""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

LANGUAGES = {"en": "English", "zh": "中文"}  # code: the language's name in itself
DEFAULT = "en"  # the language of the code's own strings
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"  # <lang>/LC_MESSAGES/dashboard.mo, made by pybabel compile
DOMAIN = "dashboard"
BABEL_LOCALE = {"en": "en", "zh": "zh_Hans_CN"}  # for Babel's dates



def N_(message: str) -> str:
    """Mark a string for the catalog where it is defined; it is translated where it is shown."""
    return message


@functools.cache
def translation(lang: str) -> gettext.NullTranslations:
    """The interface's translations into `lang` (English is the code's own text); a missing catalog is an error."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def choose(asked: str | None, browser_locale: str | None) -> str:
    """The reader's language: the address's `lang` when it names one, else the browser's when we have it, else English."""
    if asked in LANGUAGES:
        return asked
    primary = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT


def in_language(item: object, field: str, lang: str) -> str | None:
    """One field of a data item in `lang`: `name` in English, `name_zh` in Chinese (None where the English is None)."""
    return getattr(item, field if lang == DEFAULT else f"{field}_{lang}")
