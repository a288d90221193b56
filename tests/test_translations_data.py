"""The Chinese forms of the data and the places list, broken once in a copy of the real files: problem, line and field."""

import pytest

from dashboard.data.load import load_catalog
from dashboard.data.problems import Problem

GDP_NAME = "    name: Gross domestic product\n    name_zh: 地区生产总值\n"
YUCUN_NOTE = ('    note: The "greater Yucun village" plan that Anji put forward at the start of 2023.\n'
              "    note_zh: 安吉于2023年初提出的“大余村”计划。\n")
BEFORE = "    label: before digitising\n    label_zh: 数字化前\n"
TIMES = '{suffix: "times", suffix_zh: "倍"}'
NOT_CHINESE = "must be written in Chinese, with at least one Chinese character; not text 'Digital economy'"
NEW_PLACE = "unknown place 'Wenzhow': list it under places, with its Chinese name (name_zh)"

# (old, new, where the problem stands in the new text, field, message)
CASES = {
    "missing name_zh": (GDP_NAME, "    name: Gross domestic product\n", "name: Gross domestic product",
                        "indicators[gdp].name_zh", 'the Chinese form of name ("Gross domestic product") is missing'),
    "missing note_zh of a note": (YUCUN_NOTE, YUCUN_NOTE.split("    note_zh")[0], 'note: The "greater Yucun',
                                  "figures[anji-greater-yucun-villages-2023].note_zh",
                                  "the Chinese form of note ('The \"greater Yucun village\" plan that Anji put forward at "
                                  "t…') is missing"),
    "missing label_zh of a label": (BEFORE, "    label: before digitising\n", "label: before digitising",
                                    "figures[cixi-bull-group-shipments-before].label_zh",
                                    'the Chinese form of label ("before digitising") is missing'),
    "note_zh without a note": (YUCUN_NOTE, YUCUN_NOTE.split("\n", 1)[1], "note_zh: 安吉",
                               "figures[anji-greater-yucun-villages-2023].note_zh",
                               "there is no note to translate: remove note_zh, or add the note"),
    "English in a Chinese field": ("    label_zh: 数字经济\n", "    label_zh: Digital economy\n",
                                   "label_zh: Digital economy", "sectors[digital_economy].label_zh", NOT_CHINESE),
    "empty Chinese field": ("    label_zh: 数字经济\n", "    label_zh: ''\n", "label_zh: ''",
                            "sectors[digital_economy].label_zh", "must not be empty"),
    "geography not under places": ("    geography: Wenzhou\n", "    geography: Wenzhow\n", "geography: Wenzhow",
                                   "figures[wz-gdp-2025].geography", NEW_PLACE),
    "unit with a suffix and no Chinese one": (TIMES, '{suffix: "times"}', '{suffix: "times"}',
                                              "units[ratio].display.suffix_zh",
                                              'the Chinese form of suffix ("times") is missing: give suffix_zh or '
                                              "prefix_zh, written next to the number with no space, as in 7020亿元 "
                                              '(suffix_zh "元") or 1086亿美元 (suffix_zh "美元")'),
    "unit with a prefix and no Chinese form": ('{prefix: "$", suffix_zh: "美元",', '{prefix: "$",', '{prefix: "$",',
                                               "units[USD].display.prefix_zh",
                                               'the Chinese form of prefix ("$") is missing: give suffix_zh or '
                                               "prefix_zh, written next to the number with no space, as in 7020亿元 "
                                               '(suffix_zh "元") or 1086亿美元 (suffix_zh "美元")'),
    "missing subtitle_zh of a chart": ("    subtitle_zh: 政策规定的三项金额，数值依文章表述\n", "",
                                       "subtitle: Three amounts", "charts[ai-plan-money].subtitle_zh",
                                       'the Chinese form of subtitle ("Three amounts the plan sets, each written as '
                                       'the article wo…") is missing'),
    "missing title_zh of a chart": ("    title_zh: 到2020年，浙江上云企业超过41万家\n", "", "title: By 2020 more",
                                    "charts[digital-economy-counts-2020].title_zh",
                                    'the Chinese form of title ("By 2020 more than 410,000 Zhejiang enterprises were '
                                    'using c…") is missing'),
    "duplicate place": ("  - name: Wenzhou\n", "  - name: Hangzhou\n    name_zh: 杭州市\n  - name: Wenzhou\n",
                        "- name: Hangzhou\n    name_zh: 杭州市\n  - name: Wenzhou", "places[Hangzhou].name",
                        "duplicate place 'Hangzhou' (first at line {first})"),
    "two places with one Chinese name": ("    name_zh: 温州市\n", "    name_zh: 杭州市\n", "name_zh: 杭州市\n  - name: Cixi",
                                         "places[Wenzhou].name_zh",
                                         "'杭州市' is already the Chinese name of another place (first at line {first})"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_translation_rule(data, case):
    old, new, where, field, message = CASES[case]
    text = data.replace(old, new)
    first = data.line_at(text, "- name: Hangzhou\n    name_zh: 杭州市")
    assert data.problems() == [Problem(data.name, data.line_at(text, where), field, message.format(first=first))]


def test_a_source_without_its_chinese_summary(data):
    path = data.source()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text = "".join(line for line in lines if not line.startswith("summary_zh:"))
    path.write_text(text, encoding="utf-8")
    assert data.problems() == [Problem(str(path), data.line_at(text, "summary: >-"), "summary_zh",
                                       "the Chinese form of summary (\"State Grid's projection of record "
                                       'electric-vehicle charging…") is missing')]


def test_a_source_note_needs_its_chinese_form_and_a_publisher_name_must_be_chinese(data):
    path = data.source()
    text = data.replace("note_zh: 请勿", "publisher_zh: China Daily Brief\nnote_z: 请勿", path)
    problems = data.problems()
    assert problems == [
        Problem(str(path), data.line_at(text, "note: >-"), "note_zh",
                'the Chinese form of note ("Not to be confused with China Daily (chinadaily.com.cn): Ch…") is missing'),
        Problem(str(path), data.line_at(text, "publisher_zh: "), "publisher_zh",
                "must be written in Chinese, with at least one Chinese character; not text 'China Daily Brief'"),
        Problem(str(path), data.line_at(text, "note_z: "), "note_z",
                "unknown field 'note_z': not part of the format (check the spelling)"),
    ]


def test_without_a_places_list_each_figure_is_not_reported_as_unknown(data):
    text = data.replace("places:\n", "placez:\n")
    assert data.problems() == [
        Problem(data.name, data.line_at(text, "headlines:"), "places",
                "required field is missing: list every place the figures are about, each with its name and its Chinese "
                "name (name_zh)"),
        Problem(data.name, data.line_at(text, "placez:"), "placez",
                "unknown field 'placez': not part of the format (check the spelling)"),
    ]


def test_a_place_without_its_chinese_name_does_not_make_its_figures_unknown(data):
    text = data.replace("    name_zh: 温州市\n", "")
    assert data.problems() == [Problem(data.name, data.line_at(text, "- name: Wenzhou"), "places[Wenzhou].name_zh",
                                       'the Chinese form of name ("Wenzhou") is missing')]


def test_every_english_text_of_the_real_data_has_its_chinese_form():
    catalog, sources = load_catalog()
    assert [p.name for p in catalog.places if p.name in {f.geography for f in catalog.figures}] == [
        p.name for p in catalog.places]  # no place listed that no figure is about
    pairs = [(s.label, s.label_zh) for s in catalog.sectors] + [(u.label, u.label_zh) for u in catalog.units]
    pairs += [(i.name, i.name_zh) for i in catalog.indicators] + [(p.name, p.name_zh) for p in catalog.places]
    pairs += [(f.note, f.note_zh) for f in catalog.figures] + [(f.label, f.label_zh) for f in catalog.figures]
    pairs += [(c.subtitle, c.subtitle_zh) for c in catalog.charts] + [(s.note, s.note_zh) for s in sources.values()]
    assert all((english is None) == (chinese is None) for english, chinese in pairs)
    assert all(u.display.prefix_zh or u.display.suffix_zh for u in catalog.units if u.display.prefix or u.display.suffix)
    assert {sid: s.publisher_zh for sid, s in sources.items() if s.publisher_zh} == {
        "bastillepost-2025-02-17-hangzhou-scitech": "巴士的报", "chinadaily-2025-02-05-common-prosperity": "中国日报网",
        "peoplesdaily-2021-09-26-digital-economy": "人民网英文版"}
