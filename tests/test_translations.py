"""The interface's Chinese catalog: every string of the code translated, placeholders kept, the compiled file current."""

from __future__ import annotations

import io
import re
import string
from gettext import GNUTranslations

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from dashboard.text.locale import LOCALE_DIR, choose, locale
from dashboard.text.messages import extract, po_file

HAN = re.compile(r"[\u4e00-\u9fff]")
SAME_IN_BOTH = {"CSV", "BibTeX", "CSL-JSON", "English"}  # words a Chinese reader reads as they are


def _catalog(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def zh():
    return _catalog(po_file("zh"))


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_every_interface_string_has_a_chinese_translation(tmp_path, zh):
    template = _catalog(extract(tmp_path / "dashboard.pot"))
    missing = [_ids(m)[0] for m in template if m.id and (m.id not in zh or not all(_strings(zh[m.id])))]
    assert not missing, f"{len(missing)} string(s) without a Chinese translation (python -m dashboard translations, " \
                        f"then translate them in {po_file('zh').relative_to(LOCALE_DIR.parent.parent)}): {missing}"
    fuzzy = [_ids(m)[0] for m in zh if m.id and m.fuzzy]
    assert not fuzzy, f"translations marked fuzzy, to be checked: {fuzzy}"


def test_translations_keep_placeholders_and_are_chinese(zh):
    for message in zh:
        if not message.id:
            continue
        for text in _strings(message):
            assert _fields(text) == _fields(_ids(message)[-1]), f"{message.id!r}: placeholders differ in {text!r}"
            words = re.sub(r"\{\w*\}", "", _ids(message)[0])  # a placeholder's name is no English to translate
            if _ids(message)[0] not in SAME_IN_BOTH and re.search("[A-Za-z]{3}", words):
                assert HAN.search(text), f"{message.id!r} is not translated into Chinese: {text!r}"


def test_the_compiled_catalog_is_the_current_one(zh):
    fresh = io.BytesIO()
    write_mo(fresh, zh)
    fresh.seek(0)
    current, committed = GNUTranslations(fresh), locale("zh").translations
    for message in zh:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for n in (1, 2):
                assert committed.ngettext(*message.id, n) == current.ngettext(*message.id, n), message.id
        else:
            assert committed.gettext(message.id) == current.gettext(message.id), \
                f"{message.id!r}: the .mo is older than the .po (python -m dashboard translations)"


@pytest.mark.parametrize(("asked", "locale", "lang"), [
    ("zh", "en-US", "zh"), ("en", "zh-CN", "en"), (None, "zh-CN", "zh"), (None, "zh_TW", "zh"), (None, "fr-FR", "en"),
    (None, None, "en"), ("klingon", "zh-Hans-CN", "zh"), ("", "", "en"),
])
def test_the_address_then_the_browser_chooses_the_language(asked, locale, lang):
    assert choose(asked, locale) == lang
