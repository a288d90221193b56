"""The data's Chinese forms: what counts as Chinese, how a missing one is reported, and the rules for places and units. No I/O."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo

from dashboard.data.fields import describe

CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
SUFFIX = "_zh"


def _chinese(value: str) -> str:
    if not CJK.search(value):
        raise ValueError(f"must be written in Chinese, with at least one Chinese character; not {describe(value)}")
    return value


ChineseText = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_chinese)]
ChineseLabel = Annotated[str, Field(min_length=1, max_length=60), AfterValidator(_chinese)]


def twin(field: object) -> str | None:
    """The English field a Chinese one translates ('name' for 'name_zh'); None for a field that is not Chinese."""
    return field[: -len(SUFFIX)] if isinstance(field, str) and field.endswith(SUFFIX) and field != SUFFIX else None


def missing(english: str, value: object = None) -> str:
    """The message for a missing Chinese form of the field `english`, quoting the English it translates."""
    if isinstance(value, str) and value.strip():
        text = " ".join(value.split())
        shown = text if len(text) <= 60 else text[:59].rstrip() + "…"
        mark = "'" if '"' in shown else '"'
        return f"the Chinese form of {english} ({mark}{shown}{mark}) is missing"
    return f"the Chinese form of {english} is missing"


def with_twin(value: object, info: ValidationInfo) -> object:
    """A Chinese form given exactly when its English is (note_zh with note); for a field validator, with validate_default."""
    name = info.field_name or ""
    english = twin(name) or name
    if english not in info.data:  # the English is invalid itself, and reported as such
        return value
    if value is None and info.data[english] is not None:
        raise ValueError(missing(english, info.data[english]))
    if value is not None and info.data[english] is None:
        raise ValueError(f"there is no {english} to translate: remove {name}, or add the {english}")
    return value


Translation = Annotated[ChineseText | None, AfterValidator(with_twin), Field(validate_default=True)]
LabelTranslation = Annotated[ChineseLabel | None, AfterValidator(with_twin), Field(validate_default=True)]
"""Chinese forms required exactly when their English is given: note_zh with note. Declare them after the English."""


def translation_problems(catalog) -> list[tuple[tuple, str, tuple | None]]:
    """Problems of the Chinese forms between records: (where, what, where the first one stands) for checks.Finding.

    Every figure's place is listed under places, once, with a Chinese name no other place has; a unit written with a
    prefix or suffix in English has one in Chinese.
    """
    problems: list[tuple[tuple, str, tuple | None]] = []
    names: dict[str, int] = {}
    chinese: dict[str, int] = {}
    for i, place in enumerate(catalog.places):
        if place.name in names:
            problems.append((("places", i, "name"), f"duplicate place {place.name!r}", ("places", names[place.name])))
        elif place.name_zh in chinese:
            problems.append((("places", i, "name_zh"), f"{place.name_zh!r} is already the Chinese name of another "
                                                       "place", ("places", chinese[place.name_zh])))
        names.setdefault(place.name, i)
        chinese.setdefault(place.name_zh, i)
    for i, fig in enumerate(catalog.figures):
        if fig.geography not in names:
            problems.append((("figures", i, "geography"), f"unknown place {fig.geography!r}: list it under places, "
                                                          "with its Chinese name (name_zh)", None))
    for i, unit in enumerate(catalog.units):
        shown = unit.display
        if (shown.prefix or shown.suffix) and not (shown.prefix_zh or shown.suffix_zh):
            side = "suffix" if shown.suffix else "prefix"
            problems.append((("units", i, "display", side + SUFFIX),
                             f"{missing(side, getattr(shown, side))}: give suffix_zh or prefix_zh, written next to "
                             'the number with no space, as in 7020亿元 (suffix_zh "元") or 1086亿美元 (suffix_zh "美元")', None))
    return problems
