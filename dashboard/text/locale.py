"""The dashboard's two languages: which one a reader gets, and each one's locale (strings, punctuation, counts, dates)."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from babel.dates import format_date

LANGUAGES = {"en": "English", "zh": "中文"}  # code: the language's name in itself
DEFAULT = "en"  # the language of the code's own strings
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"  # <lang>/LC_MESSAGES/dashboard.mo, made by pybabel compile
DOMAIN = "dashboard"
BABEL_LOCALE = {"en": "en", "zh": "zh_Hans_CN"}  # for Babel's dates


class Marks(NamedTuple):
    """The punctuation between pieces of data: 'Hangzhou (a), 2024: 7 (actual)'; 杭州（a），2024年：7（实际）."""

    comma: str
    semicolon: str
    colon: str
    open: str  # before an aside in brackets
    close: str
    stop: str  # ends a sentence followed by another
    gap: str  # between one whole sentence and the next


MARKS = {"en": Marks(", ", "; ", ": ", " (", ")", ". ", " "), "zh": Marks("，", "；", "：", "（", "）", "。", "")}


def N_(message: str) -> str:
    """Mark a string for the catalog where it is defined; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Locale:
    """One language as a view writes it: its code, the interface's strings, punctuation, counts, dates, data fields."""

    code: str
    marks: Marks
    translations: gettext.NullTranslations  # the interface's catalog; English is the code's own text

    def _(self, message: str) -> str:
        """An interface string in this language (gettext)."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """An interface string in this language whose form depends on the count `n`."""
        return self.translations.ngettext(singular, plural, n)

    def number(self, n: int) -> str:
        """A count as the language writes it: 1,200 in English, 1200 in Chinese."""
        return f"{n:,}" if self.code == DEFAULT else str(n)

    def date(self, iso: str) -> str:
        """A date as the language writes it: '2025-02-05' in English, 2025年2月5日 in Chinese."""
        if self.code == DEFAULT:
            return iso
        return format_date(dt.date.fromisoformat(iso), format="long", locale=BABEL_LOCALE[self.code])

    def field(self, item: object, name: str) -> str | None:
        """A data item's field in this language: `name` in English, `name_zh` in Chinese (None where the English is None)."""
        return getattr(item, name if self.code == DEFAULT else f"{name}_{self.code}")


@functools.cache
def locale(code: str) -> Locale:
    """The locale of a language code, made once per process; a missing catalog is an error."""
    translations = (gettext.NullTranslations() if code == DEFAULT
                    else gettext.translation(DOMAIN, LOCALE_DIR, languages=[code]))
    return Locale(code, MARKS[code], translations)


def choose(asked: str | None, browser_locale: str | None) -> str:
    """The reader's language: the address's `lang` when it names one, else the browser's when we have it, else English."""
    if asked in LANGUAGES:
        return asked
    primary = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT
