"""Each rule of the data format, broken once in a copy of the real files: the exact problem, file, line and field."""

import pytest

from dashboard.data.load import load_catalog
from dashboard.data.problems import Problem

GDP = ("  - id: zj-gdp-2024\n    indicator: gdp\n    geography: Zhejiang\n    period: 2024\n    period_stated: true\n"
       "    value: 9000000000000\n")
USD = "    usd: {value: 1240000000000}\n    source: chinadaily-2025-02-05-common-prosperity\n"
GDP_INDICATOR = "  - id: gdp\n    name: Gross domestic product\n    name_zh: 地区生产总值\n    sector: economy\n    unit: CNY\n"
VA_2019 = "derived: {formula: prior_from_growth, inputs: [zj-digital-core-va-2020, zj-digital-core-va-growth-2020]}"
VOCAB = "must be one of: exact, about, nearly, more than, at least, up to, less than; not text 'roughly'"
BEFORE_NOTE = ("    note: >-\n      Before the logistics system was digitised; the article does not say when that was, and "
               "nothing in it lets us\n      infer a year.\n"
               "    note_zh: 物流系统数字化之前的数字；文章未说明是何时的水平，也无从推定年份。\n")
FINITE = "must be a finite number, not NaN or infinity (.nan, .inf)"
F = "figures[zj-gdp-2024]"

# (old, new, where the problem stands in the new text, field, message)
FIGURE_CASES = {
    "unknown sector": (GDP_INDICATOR, GDP_INDICATOR.replace("economy", "econ"), "sector: econ",
                       "indicators[gdp].sector", "unknown sector 'econ'"),
    "unknown unit": (GDP_INDICATOR, GDP_INDICATOR.replace("CNY", "yuan_bn"), "unit: yuan_bn",
                     "indicators[gdp].unit", "unknown unit 'yuan_bn'"),
    "unknown indicator": (GDP, GDP.replace("indicator: gdp", "indicator: gpd"), "indicator: gpd",
                          f"{F}.indicator", "unknown indicator 'gpd'"),
    "unknown source": (USD, USD.replace("chinadaily-2025-02-05-common-prosperity", "china-daily"), "source: china-daily",
                       f"{F}.source", "unknown source 'china-daily' (no file sources/china-daily.yaml)"),
    "five-digit year": (GDP, GDP.replace("period: 2024", "period: 20245"), "period: 20245", f"{F}.period",
                        "must be a year such as 2024, a span such as 2021-2023 or unknown, not the number 20245"),
    "span ending before it starts": (GDP, GDP.replace("period: 2024", "period: 2024-2020"), "period: 2024-2020",
                                     f"{F}.period", "the span ends (2020) before it starts (2024)"),
    "year out of range": (GDP, GDP.replace("period: 2024", "period: 1850"), "period: 1850", f"{F}.period",
                          "year 1850 is outside 1900-2100"),
    "NaN": (GDP, GDP.replace("value: 9000000000000", "value: .nan"), "value: .nan", f"{F}.value", FINITE),
    "infinity": (GDP, GDP.replace("value: 9000000000000", "value: .inf"), "value: .inf", f"{F}.value", FINITE),
    "minus infinity": (GDP, GDP.replace("value: 9000000000000", "value: -.inf"), "value: -.inf", f"{F}.value", FINITE),
    "negative yuan": (GDP, GDP.replace("value: 9000000000000", "value: -5"), "value: -5", f"{F}.value",
                      "negative value -5 makes no sense in unit 'CNY'"),
    "text for a number": (GDP, GDP.replace("value: 9000000000000", "value: lots"), "value: lots", f"{F}.value",
                          "must be a number, not text 'lots'"),
    "list for a number": (GDP, GDP.replace("value: 9000000000000", "value: [1, 2]"), "value: [1, 2]", f"{F}.value",
                          "must be a number, not a list"),
    "quoted number": (GDP, GDP.replace("value: 9000000000000", "value: '9e12'"), "value: '9e12'", f"{F}.value",
                      "must be a number, not text '9e12' (write it without quotes; YAML reads 1e9 as text, "
                      "write 1000000000 or 1.0e+9)"),
    "qualifier outside the vocabulary": ("    qualifier: more than\n    status: actual\n    usd: {value: 1240000000000",
                                         "    qualifier: roughly\n    status: actual\n    usd: {value: 1240000000000",
                                         "qualifier: roughly", f"{F}.qualifier", VOCAB),
    "usd qualifier outside the vocabulary": (USD, USD.replace("}", ", qualifier: roughly}"),
                                             "usd: {value: 1240000000000", f"{F}.usd.qualifier", VOCAB),
    "usd value not positive": (USD, USD.replace("value: 1240000000000", "value: -1"), "usd: {value: -1",
                               f"{F}.usd.value", "must be more than 0, not the number -1"),
    "status outside the vocabulary": ("    qualifier: more than\n    status: actual\n    usd: {value: 1240000000000",
                                      "    qualifier: more than\n    status: guess\n    usd: {value: 1240000000000",
                                      "status: guess", f"{F}.status",
                                      "must be one of: actual, target, forecast, derived, policy; not text 'guess'"),
    "label too long": (GDP, GDP + "    label: " + "x" * 61 + "\n", "label: xxx", f"{F}.label",
                       "is too long: at most 60 characters"),
    "unknown field": (GDP, GDP + "    colour: red\n", "colour: red", f"{F}.colour",
                      "unknown field 'colour': not part of the format (check the spelling)"),
    "unknown field in a nested mapping": (USD, USD.replace("}", ", rate: 7.2}"),
                                          "usd: {value: 1240000000000", f"{F}.usd.rate",
                                          "unknown field 'rate': not part of the format (check the spelling)"),
    "missing field": (GDP, GDP.replace("    geography: Zhejiang\n", ""), "- id: zj-gdp-2024", f"{F}.geography",
                      "required field is missing"),
    "period_stated missing": (GDP, GDP.replace("    period_stated: true\n", ""), "- id: zj-gdp-2024",
                              f"{F}.period_stated", "required field is missing"),
    "period_stated not true or false": (GDP, GDP.replace("period_stated: true", "period_stated: 'yes'"),
                                        "period_stated: 'yes'", f"{F}.period_stated",
                                        "must be true or false, not text 'yes'"),
    "period inferred without a note": (GDP, GDP.replace("period_stated: true", "period_stated: false"), "- id: zj-gdp-2024",
                                       f"{F}.note", "required field is missing: the period is inferred "
                                       "(period_stated: false), so say in a note how the year was inferred"),
    "derived status without a formula": ("    qualifier: more than\n    status: actual\n    usd: {value: 1240000000000",
                                         "    qualifier: more than\n    status: derived\n    usd: {value: 1240000000000",
                                         "- id: zj-gdp-2024", f"{F}.derived",
                                         "required field is missing: status is derived, so give its formula and inputs"),
    "id with spaces": (GDP, GDP.replace("id: zj-gdp-2024", "id: zj gdp 2024"), "id: zj gdp 2024",
                       "figures[zj gdp 2024].id",
                       "must be an id: letters, digits, '_', '.' or '-', starting with a letter or digit, at most 80 "
                       "characters; not text 'zj gdp 2024'"),
    "derived input missing": (VA_2019, VA_2019.replace("[zj-digital-core-va-2020,", "[zj-digital-core-va-2018,"),
                              "derived: {formula: prior_from_growth", "figures[zj-digital-core-va-2019].derived.inputs",
                              "unknown input figure(s): zj-digital-core-va-2018"),
    "derived from itself": (VA_2019, VA_2019.replace("[zj-digital-core-va-2020,", "[zj-digital-core-va-2019,"),
                            "derived: {formula: prior_from_growth", "figures[zj-digital-core-va-2019].derived.inputs",
                            "derived figure 'zj-digital-core-va-2019' depends on itself"),
    "derived with too few inputs": (VA_2019, VA_2019.replace(", zj-digital-core-va-growth-2020]", "]"),
                                    "derived: {formula: prior_from_growth",
                                    "figures[zj-digital-core-va-2019].derived.inputs",
                                    "formula prior_from_growth takes 2 inputs"),
    "derived value off its formula": ("    value: 620000000000\n", "    value: 700000000000\n", "value: 700000000000",
                                      "figures[zj-digital-core-va-2019].value",
                                      "700,000,000,000 does not match its formula at the precision its inputs support: "
                                      "write 620000000000 (2 significant digits)"),
    "derived value more precise than its inputs": (
        "    value: 620000000000\n", "    value: 621238938053\n", "value: 621238938053",
        "figures[zj-digital-core-va-2019].value", "621,238,938,053 does not match its formula at the precision its "
        "inputs support: write 620000000000 (2 significant digits)"),
    "derived lower bound rounded up": (
        "    value: 1.7\n", "    value: 1.8\n", "value: 1.8\n    qualifier: more than\n    status: derived",
        "figures[zj-ai-target-vs-national-2027].value",
        "1.8 does not match its formula at the precision its inputs support: write 1.7 (2 significant digits)"),
    "derived stated from an inferred input": (
        "    period: 2027\n    period_stated: false\n    value: 1.7\n",
        "    period: 2027\n    period_stated: true\n    value: 1.7\n", "period_stated: true\n    value: 1.7",
        "figures[zj-ai-target-vs-national-2027].period_stated",
        "must be false: a derived figure's period is stated only when all its inputs' are, and cn-ai-industry-2024 "
        "has an inferred period"),
    "unknown period stated": (
        "    period: unknown\n    period_stated: false\n    value: 3000\n",
        "    period: unknown\n    period_stated: true\n    value: 3000\n", "period_stated: true\n    value: 3000",
        "figures[cixi-bull-group-shipments-before].period_stated",
        "must be false: the period is unknown, so the article does not state it"),
    "unknown period without a note": (
        BEFORE_NOTE, "", "- id: cixi-bull-group-shipments-before",
        "figures[cixi-bull-group-shipments-before].note",
        "required field is missing: the period is unknown, so say in a note why the article's period cannot be given"),
    "period in words": (GDP, GDP.replace("period: 2024", "period: recently"), "period: recently", f"{F}.period",
                        "must be a year such as 2024, a span such as 2021-2023 or unknown, not text 'recently'"),
    "policy status outside the vocabulary": ("    qualifier: more than\n    status: actual\n    usd: {value: 1240000000000",
                                             "    qualifier: more than\n    status: rule\n    usd: {value: 1240000000000",
                                             "status: rule", f"{F}.status",
                                             "must be one of: actual, target, forecast, derived, policy; not text 'rule'"),
    "indicator kind outside the vocabulary": (GDP_INDICATOR + "    kind: flow\n", GDP_INDICATOR + "    kind: stock\n",
                                              "kind: stock",
                                              "indicators[gdp].kind", "must be one of: flow, level, count, rate, rank, "
                                              "per_unit; not text 'stock'"),
    "unknown formula": (VA_2019, VA_2019.replace("prior_from_growth", "sum"), "derived: {formula: sum",
                        "figures[zj-digital-core-va-2019].derived.formula",
                        "must be one of: prior_from_growth, ratio; not text 'sum'"),
}


@pytest.mark.parametrize("case", FIGURE_CASES, ids=list(FIGURE_CASES))
def test_indicators_rule(data, case):
    old, new, where, field, message = FIGURE_CASES[case]
    text = data.replace(old, new)
    expected = [Problem(data.name, data.line_at(text, where), field, message)]
    if case == "id with spaces":  # the Overview's headline list still names the figure by its old id
        expected.insert(0, Problem(data.name, data.line_at(text, "  - zj-gdp-2024\n"), "headlines[1]",
                                   "unknown figure 'zj-gdp-2024'"))
    assert data.problems() == expected


def test_item_without_a_usable_id_is_named_by_position(data):
    text = data.replace(GDP, GDP.replace("id: zj-gdp-2024", "id: 2024"))
    position = text.split("\nfigures:\n")[1].split("- id: 2024\n")[0].count("- id: ") + 1
    assert data.problems() == [Problem(data.name, data.line_at(text, "id: 2024"), f"figures[{position}].id",
                                       "must be text, not the number 2024")]


def test_duplicate_ids_name_both_lines(data):
    text = data.replace("  - id: zj-gdp-rank-2024\n", "  - id: zj-gdp-2024\n")
    first = data.line_at(text, "- id: zj-gdp-2024")
    second = text.count("\n", 0, text.index("- id: zj-gdp-2024", text.index("- id: zj-gdp-2024") + 1)) + 1
    assert data.problems() == [
        Problem(data.name, data.line_at(text, "  - zj-gdp-rank-2024\n"), "headlines[5]", "unknown figure 'zj-gdp-rank-2024'"),
        Problem(data.name, second, f"{F}.id", f"duplicate id 'zj-gdp-2024' (first at line {first})")]


def test_a_headline_must_name_a_figure(data):
    text = data.replace("  - wz-gdp-2025\n", "  - wz-gdp-2052\n")
    assert data.problems() == [Problem(data.name, data.line_at(text, "  - wz-gdp-2052"), "headlines[4]",
                                       "unknown figure 'wz-gdp-2052'")]


def test_duplicate_sector_id(data):
    text = data.replace("  - id: ai\n    label: AI policy", "  - id: economy\n    label: AI policy")
    first = data.line_at(text, "- id: economy")
    problems = data.problems()
    assert problems[0] == Problem(data.name, data.line_at(text, "- id: economy\n    label: AI"), "sectors[economy].id",
                                  f"duplicate id 'economy' (first at line {first})")
    assert {p.message for p in problems[1:]} == {"unknown sector 'ai'"}  # sector ai is gone


def test_derived_cycle_of_two(data):
    data.replace(VA_2019, VA_2019.replace("[zj-digital-core-va-2020,", "[zj-digital-key-project-average-2020,"))
    text = data.replace("inputs: [zj-digital-key-project-investment-2020,", "inputs: [zj-digital-core-va-2019,")
    fields = {p.field: (p.line, p.message) for p in data.problems()}
    assert fields == {
        "figures[zj-digital-core-va-2019].derived.inputs": (
            data.line_at(text, "derived: {formula: prior_from_growth"),
            "derived figure 'zj-digital-core-va-2019' depends on itself"),
        "figures[zj-digital-key-project-average-2020].derived.inputs": (
            data.line_at(text, "derived: {formula: ratio, inputs: [zj-digital-core-va-2019"),
            "derived figure 'zj-digital-key-project-average-2020' depends on itself"),
    }


def test_formula_on_a_figure_that_is_not_derived(data):
    text = data.replace(GDP, GDP + "    derived: {formula: ratio, inputs: [zj-gdp-2024, zj-gdp-rank-2024]}\n")
    problem = next(p for p in data.problems() if p.field == f"{F}.status")
    assert problem == Problem(data.name, data.line_at(text, "status: actual\n    usd: {value: 1240000000000"), f"{F}.status",
                              "must be derived, because the figure has a 'derived' formula (not 'actual')")


SOURCE_CASES = {
    "javascript url": ("url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04", "url: javascript:alert(1)",
                       "url", "must be a web address starting with http:// or https://, not text 'javascript:alert(1)'"),
    "data url": ("url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04", "url: 'data:text/html,<b>x</b>'",
                 "url", "must be a web address starting with http:// or https://, not text 'data:text/html,<b>x</b>'"),
    "file url": ("url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04", "url: file:///etc/passwd",
                 "url", "must be a web address starting with http:// or https://, not text 'file:///etc/passwd'"),
    "url without a host": ("url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04", "url: 'https://'",
                           "url", "is not a valid web address (empty host): text 'https://'"),
    "impossible date": ("published: 2026-02-07", "published: 2025-02-30", "published", "'2025-02-30' is not a real date"),
    "date in words": ("accessed: 2026-11-23", "accessed: yesterday", "accessed",
                      "must be a date written YYYY-MM-DD, not text 'yesterday'"),
    "capture not a text file": ("capture: 000_958fdaa11cc231f3.txt", "capture: notes.doc", "capture",
                                "must be the name of a .txt file (letters, digits, '_', '.' or '-'); not text 'notes.doc'"),
    "source kind outside the vocabulary": ("kind: news summary", "kind: blog", "kind",
                                           "must be one of: news report, news summary, official policy text, official "
                                           "statistics; not text 'blog'"),
    "quoted_from outside the vocabulary": ("quoted_from: topic page summary", "quoted_from: item page", "quoted_from",
                                           "must be one of: article, topic page summary; not text 'item page'"),
    "unknown field": ("author: NeTe", "author: NeTe\nlanguage: en", "language",
                      "unknown field 'language': not part of the format (check the spelling)"),
}


@pytest.mark.parametrize("case", SOURCE_CASES, ids=list(SOURCE_CASES))
def test_source_rule(data, case):
    old, new, field, message = SOURCE_CASES[case]
    text = data.replace(old, new, data.source())
    where = new.splitlines()[-1]
    assert data.problems() == [Problem(str(data.source()), data.line_at(text, where), field, message)]


def test_source_missing_required_field_points_at_the_top(data):
    data.replace("url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04\n", "", data.source())
    assert data.problems() == [Problem(str(data.source()), 1, "url", "required field is missing")]


def test_a_source_must_say_what_kind_of_document_it_is(data):
    data.replace("kind: news summary\n", "", data.source())
    assert data.problems() == [Problem(str(data.source()), 1, "kind", "required field is missing")]


def test_every_problem_of_every_file_in_one_run(data):
    data.replace(GDP, GDP.replace("value: 9000000000000", "value: lots"))  # a schema error ...
    data.replace("source: peoplesdaily-2021-09-26-digital-economy", "source: nowhere")  # ... hides no cross-check
    data.replace("    sector: economy\n", "    sector: economy\n    colour: red\n")
    data.replace("published: 2026-02-07", "published: 2025-02-30", data.source())
    (data.sources / "broken.yaml").write_text("publisher: [\n", encoding="utf-8")
    found = {(p.file.rsplit("/", 1)[-1], p.field) for p in data.problems()}
    assert found == {
        ("indicators.yaml", f"{F}.value"),
        ("indicators.yaml", "figures[zj-digital-core-va-2020].source"),
        ("indicators.yaml", "indicators[gdp].colour"),
        (f"{data.EV}.yaml", "published"),
        ("broken.yaml", "(yaml)"),
    }


def test_invalid_items_do_not_make_their_references_unknown(data):
    """A figure whose own value is wrong is still a known input of the figure derived from it."""
    data.replace("    value: 702000000000\n", "    value: lots\n")
    data.replace("    sector: digital_economy\n    unit: CNY\n", "    sector: digital_economy\n    unit: [CNY]\n")
    assert [p.field for p in data.problems()] == ["indicators[digital_core_value_added].unit",
                                                  "figures[zj-digital-core-va-2020].value"]


def test_a_tab_in_the_indentation_is_named(data):
    data.replace("    geography: Zhejiang\n", "\tgeography: Zhejiang\n")
    problems = data.problems()
    assert len(problems) == 1
    assert problems[0].field == "(yaml)"
    assert problems[0].message.endswith("(indent with spaces, not tabs)")
    assert "\t" in data.indicators.read_text(encoding="utf-8").splitlines()[problems[0].line - 1]


def test_a_quote_must_hold_its_number_as_worded(data):
    text = data.replace("value: 528\n", "value: 582\n")
    problems = data.problems()
    assert problems[0] == Problem(data.name, data.line_at(text, "value: 582") + 4, "figures[zj-digital-key-projects-2020].quote",
                                  "does not contain the value 582 as the article words it (for example '582')")


def test_a_figure_for_china_is_never_a_headline(data):
    text = data.replace("  - wz-gdp-2025\n", "  - cn-ai-industry-2024\n")
    assert data.problems() == [Problem(data.name, data.line_at(text, "  - cn-ai-industry-2024"), "headlines[4]",
                                       "'cn-ai-industry-2024' is a figure for China as a whole: headlines are figures "
                                       "about Zhejiang and its places")]


AI_CHART = "    figures: [zj-ai-revenue-target-2027, cn-ai-industry-2024]\n"
HZ_CHART = "    figures: [hz-new-businesses-daily-2025, hz-patents-daily-2025, hz-startup-investment-daily-2025]\n"
GDP_CHART = "    figures: [zj-gdp-2024, wz-gdp-2025]\n"


@pytest.mark.parametrize("old, new, where, field, message", [
    (AI_CHART, AI_CHART.replace("cn-ai-industry-2024", "cn-ai-2024"), "cn-ai-2024]",
     "charts[ai-target-against-china].figures[2]", "unknown figure 'cn-ai-2024'"),
    (GDP_CHART, GDP_CHART.replace("wz-gdp-2025", "zj-gdp-rank-2024") + "    mixes_explained: true\n",
     "kind: bars\n    figures: [zj-gdp-2024, zj-gdp-rank",
     "charts[province-and-wenzhou-output].kind",
     "puts 2 units on one axis (CNY, rank): use kind small_multiples, or figures of one unit"),
    (AI_CHART, AI_CHART.replace("zj-ai-revenue-target-2027", "zj-gdp-2024"), "kind: target_vs_actual\n    figures: [zj-gdp",
     "charts[ai-target-against-china].kind", "target_vs_actual needs a target or forecast and an actual figure"),
    ("    mixes_explained: true\n  - id: ai-plan-money", "  - id: ai-plan-money", "figures: [zj-ai-revenue-target-2027",
     "charts[ai-target-against-china].figures", "sets side by side 2 indicators on one axis (ai_supply_chain_revenue, "
     "ai_industry_size): say in the note what differs between them, and write mixes_explained: true"),
    ("    mixes_explained: true\n  - id: province-and", "  - id: province-and",
     "figures: [zj-ai-venture-capital-2027", "charts[ai-plan-money].figures",
     "sets side by side indicators of different kinds (flow, per_unit): say in the note what differs between them, "
     "and write mixes_explained: true"),
    (HZ_CHART, HZ_CHART + "    mixes_explained: true\n", "- id: hangzhou-daily-pace", "charts[hangzhou-daily-pace].note",
     "required field is missing: mixes_explained is true, so say in a note what differs between the figures"),
    ("    kind: bars\n" + GDP_CHART, "    kind: target_vs_actual\n" + GDP_CHART, "kind: target_vs_actual\n    figures: [zj-gdp",
     "charts[province-and-wenzhou-output].kind", "target_vs_actual needs a target or forecast and an actual figure"),
    ("    sector: innovation\n    kind: small_multiples", "    sector: innovations\n    kind: small_multiples",
     "sector: innovations", "charts[hangzhou-daily-pace].sector", "unknown sector 'innovations'"),
])
def test_story_chart_rules(data, old, new, where, field, message):
    text = data.replace(old, new)
    assert data.problems() == [Problem(data.name, data.line_at(text, where), field, message)]


EV_URL = "url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04"
URL_CASES = {
    "space": ("'https://example.org/a b'", "holds a space (write it as %20)"),
    "unbalanced bracket": ("https://example.org/a)b", "has an unbalanced ')'"),
    "bracket left open": ("https://example.org/wiki/Zhejiang_(province", "has an unbalanced '('"),
    "brackets crossed": ("https://example.org/a[b(c]d)", "has an unbalanced ']'"),
    "double quote": ("'https://example.org/a\"'", "holds the character '\"' (write it as %22)"),
    "unbalanced single quote": ("\"https://example.org/a'\"", "has an unbalanced quote (write ' as %27)"),
    "control character": ('"https://example.org/a\\x07b"', "holds the invisible character U+0007"),
    "port out of range": ("https://example.org:99999/a", "has a host or port that cannot be read (Port out of range 0-65535)"),
}


@pytest.mark.parametrize("case", URL_CASES, ids=list(URL_CASES))
def test_a_source_url_must_be_usable_as_written(data, case):
    written, reason = URL_CASES[case]
    text = data.replace(EV_URL, f"url: {written}", data.source())
    [problem] = data.problems()
    assert (problem.file, problem.line, problem.field) == (str(data.source()), data.line_at(text, "url: "), "url")
    assert problem.message.startswith(f"is not a valid web address: it {reason}; not text ")


@pytest.mark.parametrize("url", ["https://en.wikipedia.org/wiki/Zhejiang_(disambiguation)",
                                 "https://example.org/a%20b?q=(1)&r=[2]#part", "http://[::1]:8080/a", "https://浙江.cn/文章"])
def test_usable_urls_pass(data, url):
    data.replace(EV_URL, f"url: '{url}'", data.source())
    load_catalog(data.indicators, data.sources)


HIDDEN = {"\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u200b": "ZERO WIDTH SPACE",
          "\u200d": "ZERO WIDTH JOINER", "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE"}
WHERE = {  # (file, old, new with the character at {}, field, character position)
    "a quote": ("indicators", "surpassed 9 trillion", "surpassed 9{} trillion", f"{F}.quote", 48),
    "a place": ("indicators", "  - name: Zhejiang\n", "  - name: Zhe{}jiang\n", "places[Zhe{}jiang].name", 4),
    "a Chinese name": ("indicators", "name_zh: 地区生产总值", "name_zh: 地区{}生产总值", "indicators[gdp].name_zh", 3),
    "a source's headline": ("source", "headline: ", "headline: {}", "headline", 1),
    "a source's Chinese summary": ("source", "summary_zh: ", "summary_zh: 浙江{}", "summary_zh", 3),
}


@pytest.mark.parametrize("char", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
@pytest.mark.parametrize("where", WHERE, ids=list(WHERE))
def test_invisible_characters_are_refused_in_every_text(data, char, where):
    file, old, new, field, position = WHERE[where]
    path = data.indicators if file == "indicators" else data.source()
    text = data.replace(old, new.format(char), path)
    problems = [p for p in data.problems() if p.field == field.format(char)]
    assert problems == [Problem(str(path), data.line_at(text, new.format(char).strip()), field.format(char),
                                f"holds the invisible character U+{ord(char):04X} ({HIDDEN[char]}) at character "
                                f"{position}, which can make text read other than it is: delete it")]


def test_chinese_text_with_its_punctuation_passes(data):
    data.replace("summary_zh: ", "summary_zh: “浙江”·（杭州）——数字经济、人工智能：《报告》！", data.source())
    load_catalog(data.indicators, data.sources)


def test_two_files_of_one_source_are_an_error_naming_both(data):
    stale = data.sources / f"{data.EV}.yml"
    stale.write_text(data.source().read_text(encoding="utf-8").replace("accessed: 2026-11-23", "accessed: 2026-02-08"),
                     encoding="utf-8")
    assert data.problems() == [Problem(str(stale), 0, "(file)",
                                       f"source '{data.EV}' is also in {data.EV}.yaml: keep one of the two files")]


def test_a_source_file_may_end_in_yml(data):
    data.source().rename(data.sources / f"{data.EV}.yml")
    _, sources = load_catalog(data.indicators, data.sources)
    assert data.EV in sources
