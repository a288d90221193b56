"""Where a figure comes from: its number in the quote, the link to its sentence, its citations."""

import json
from types import SimpleNamespace
from urllib.parse import unquote

import pytest

from dashboard.data.quote_numbers import locate
from dashboard.text.citations import cite_bibtex, cite_csl, cite_text, fragment_finds, marked_quote, sentence_link
from dashboard.text.locale import locale


@pytest.mark.parametrize("value, quote, found", [
    (702e9, "reached 702 billion yuan (about $108.6 billion)", "702 billion"),
    (30000, "developed nearly 30,000 industrial apps", "30,000"),
    (15, "allocated 15 percent of the funds", "15 percent"),
    (15, "eligible for a 15% discount", "15%"),
    (1.8, "income is now just 1.8 times that", "1.8 times"),
    (4, "ranking fourth among the 31", "fourth"),
    (28, "becoming the 28th Chinese city", "28th"),
    (1e12, "Wenzhou surpassed one trillion yuan", "one trillion"),
    (19.6, "a growth rate of 19.60 percent", "19.60 percent"),
])
def test_the_number_is_found_as_the_article_words_it(value, quote, found):
    start, end = locate(value, quote)
    assert quote[start:end] == found


@pytest.mark.parametrize("value, quote", [(10, "a 10,000+ sqm centre"), (1.8, "a ratio of 1.85"), (70, "1970 was")])
def test_a_number_inside_a_longer_one_is_not_found(value, quote):
    assert locate(value, quote) is None


def test_the_sentence_link_is_a_percent_encoded_text_fragment():
    quote = "reached 702 billion yuan (about $108.6 billion), up 13 percent year-on-year."
    link = sentence_link("https://example.org/a#top", quote)
    base, directive = link.split("#:~:text=")
    assert base == "https://example.org/a" and "-" not in directive and "," not in directive and " " not in directive
    assert unquote(directive) == quote
    long = " ".join(f"w{i}" for i in range(20))
    start, end = sentence_link("https://example.org/a", long).split("#:~:text=")[1].split(",")
    assert unquote(start) == "w0 w1 w2 w3 w4 w5" and unquote(end) == "w14 w15 w16 w17 w18 w19"
    assert sentence_link(None, quote) is None


def test_a_fragment_finds_its_quote_in_text_with_other_spacing():
    article = "Intro.  In 2024,\n Zhejiang's economic output surpassed 9 trillion yuan. More."
    assert fragment_finds(article, "in 2024, Zhejiang's economic output surpassed 9 trillion yuan.")
    assert not fragment_finds(article, "Zhejiang's output surpassed 9 trillion")


FIGURE = SimpleNamespace(
    figure_id="zj-gdp-2024", indicator="Gross domestic product", geography="Zhejiang", place="Zhejiang", period="2024",
    value=9e12, value_text="more than 9 trillion yuan", status="actual", publisher="China Daily",
    source_title="Zhejiang becoming model", published="2025-02-05", author="Chen Ye", url="https://example.org/a",
    quote="Zhejiang's economic output surpassed 9 trillion yuan <b>")


def test_the_quote_marks_its_number_and_stays_text():
    assert marked_quote(FIGURE) == "Zhejiang&#x27;s economic output surpassed <mark>9 trillion</mark> yuan &lt;b&gt;"
    assert "<mark>" not in marked_quote(SimpleNamespace(**{**vars(FIGURE), "status": "derived"}))


def test_citations_in_three_forms():
    text = cite_text(FIGURE, "http://host/figure?figure=zj-gdp-2024", locale("en"), "2026-01-02")
    assert "more than 9 trillion yuan" in text and "Chen Ye (China Daily)" in text and "accessed 2026-01-02" in text
    bib = cite_bibtex(FIGURE, "http://host/figure?figure=zj-gdp-2024", locale("en"), "2026-01-02")
    assert bib.startswith("@misc{zj_gdp_2024,") and "url = {http://host/figure?figure=zj-gdp-2024}" in bib
    assert bib.count("{") == bib.count("}")
    item = json.loads(cite_csl(FIGURE, "http://host/figure?figure=zj-gdp-2024", locale("en"), "2026-01-02"))[0]
    assert item["id"] == "zj-gdp-2024" and item["issued"] == {"date-parts": [[2025, 2, 5]]}
    assert item["source"] == "https://example.org/a" and item["accessed"] == {"date-parts": [[2026, 1, 2]]}


def test_every_real_quote_marks_its_number(real):
    for row in real[real["status"] != "derived"].itertuples():
        assert "<mark>" in marked_quote(row), row.figure_id


def test_the_figures_page_explains_every_formula(root):
    import ast

    from dashboard.data.schema import ARITY

    tree = ast.parse((root / "dashboard" / "text" / "wording.py").read_text(encoding="utf-8"))
    formulas = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                    and any(getattr(t, "id", "") == "FORMULAS" for t in node.targets))
    assert {key.value for key in formulas.keys} == set(ARITY)


def test_citations_name_the_article_its_author_and_the_curators_access_date(real):
    row = next(real[real["figure_id"] == "zj-gdp-2024"].itertuples())
    address = "https://example.org/figures/zj-gdp-2024"
    text = cite_text(row, address, locale("en"))
    assert f"{row.url}, accessed {row.accessed}. Via " in text and text.endswith(f"{address}, accessed {row.accessed}.")
    bib = cite_bibtex(row, address, locale("en"))
    assert f"author = {{{row.author}}}" in bib and row.url in bib and f"urldate = {{{row.accessed}}}" in bib
    corporate = cite_bibtex(SimpleNamespace(**{**vars(FIGURE), "author": None}), address, locale("en"), "2026-01-02")
    assert "author = {{China Daily}}" in corporate
    item = json.loads(cite_csl(row, address, locale("en")))[0]
    assert item["author"] == [{"literal": row.author}] and item["source"] == row.url and item["URL"] == address
    assert item["accessed"] == {"date-parts": [[int(part) for part in row.accessed.split("-")]]}


def test_the_chinese_citation_gives_the_curators_access_date_whatever_day_the_reader_reads_it(real):
    row = next(real[real["figure_id"] == "zj-gdp-2024"].itertuples())
    article = cite_text(row, "https://example.org/figures/zj-gdp-2024", locale("zh"), "2099-01-01").split("\n")[1]
    assert f"[{row.accessed}]" in article and "2099" not in article
