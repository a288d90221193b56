"""Figure cards: one HTML grid, every piece of data text escaped, the source linked or marked as unknown."""

from types import SimpleNamespace

import pandas as pd

from dashboard.text.cards import cards
from dashboard.text.locale import locale

EVIL = '<img src=x onerror=alert(1)> "quoted" & <b>bold</b>'


def row(**changes) -> dict:
    base = dict(figure_id="zj-gdp-2024", indicator="GDP",
                geography="Zhejiang", place="Zhejiang", label=None, value_text="more than 9 trillion yuan", qualifier="more_than",
                period="2024", status="actual", sector_label="Economic output", publisher="China Daily",
                published="2025-02-05", url="https://www.chinadaily.com.cn/a/202502/05/x.html",
                source_kind=None, quoted_from="article", quote="Zhejiang's GDP exceeded 9 trillion yuan")
    return {**base, **changes}


def test_a_card_shows_what_where_value_facts_source_and_quote():
    html = cards(pd.DataFrame([row(label="after digitising")]), locale("en"), show_sector=True)
    assert html.count('class="zi-card"') == 1 and "<style>" in html
    for text in ("GDP, Zhejiang (after digitising)", "more than 9 trillion yuan", ">2024 · actual · Economic output",
                 "China Daily, 2025-02-05", "Zhejiang&#x27;s GDP exceeded 9 trillion yuan"):
        assert text in html, text
    assert '<a href="https://www.chinadaily.com.cn/a/202502/05/x.html" target="_blank">' in html


def test_the_source_says_its_kind_and_a_topic_page_quote_says_so():
    html = cards(pd.DataFrame([row(publisher="China Daily Brief", source_kind="news summary",
                                   quoted_from="topic page summary")]), locale("en"))
    assert "China Daily Brief (news summary), 2025-02-05" in html
    assert "quoted from the topic page's summary" in html
    zh = cards(pd.DataFrame([row(publisher="China Daily Brief", source_kind="news summary",
                                 quoted_from="topic page summary")]),
               loc=locale("zh"))
    assert "China Daily Brief（新闻摘要）" in zh and "引自专题页上的摘要" in zh
    assert "topic page" not in cards(pd.DataFrame([row(source_kind="news report")]), locale("en"))


def test_exact_figures_say_so_and_the_sector_is_optional():
    html = cards(pd.DataFrame([row(qualifier="exact")]), locale("en"))
    assert "exact figure · 2024 · actual</div>" in html and "Economic output" not in html


def test_a_source_without_an_address_says_no_link_is_known():
    html = cards(pd.DataFrame([row(url=None)]), locale("en"))
    assert "<a href" not in html and "China Daily, 2025-02-05 (no link known)" in html  # only the figure link


def test_data_text_is_never_markup():
    fields = ("indicator", "place", "label", "value_text", "period", "status", "sector_label", "publisher",
              "published", "quote")
    evil = row(**dict.fromkeys(fields, EVIL), url='https://example.org/"><script>x</script>')
    html = cards(pd.DataFrame([evil]), locale("en"), show_sector=True)
    body = html.split("</style>", 1)[1]
    assert "<img" not in body and "<b>" not in body and "<script>" not in body
    assert body.count("&lt;img src=x onerror=alert(1)&gt;") == len(fields) + 3  # the link names indicator, place, label
    assert 'href="https://example.org/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in body


def test_every_card_links_to_its_figure():
    html = cards(pd.DataFrame([row(), row(figure_id="a b&c")]), locale("en"))
    assert '<a class="zi-more" href="figures/zj-gdp-2024?lang=en" target="_self"' in html
    assert 'href="figures/a%20b%26c?lang=en"' in html
    assert 'aria-label="Sentence, source and citation of GDP, Zhejiang"' in html  # each link says which figure


def test_one_grid_holds_every_card_in_order():
    html = cards(pd.DataFrame([row(indicator=f"Indicator {i}") for i in range(12)]), locale("en"))
    assert html.count('class="zi-card"') == 12
    assert html.index("Indicator 3,") < html.index("Indicator 11,")


def article_row(**changes) -> SimpleNamespace:
    base = dict(source_title="Zhejiang becoming model", publisher="China Daily", published="2025-02-05",
                url="https://www.chinadaily.com.cn/a/202502/05/x.html")
    return SimpleNamespace(**{**base, **changes})


def test_an_article_card_links_summarises_counts_and_cites():
    from dashboard.text.cards import articles

    html = articles([(article_row(), 14, "Output and rank.", 'China Daily. "Zhejiang becoming model". 2025-02-05.'),
                     (article_row(source_title="Offline hub", url=None), 1, None, None)], locale("en"))
    assert html.count('class="zi-card"') == 2
    assert '<a href="https://www.chinadaily.com.cn/a/202502/05/x.html" target="_blank">open the article</a>' in html
    assert "14 figures from this article match" in html and "1 figure from this article match" in html
    assert "China Daily · 2025-02-05 · no link known" in html
    assert "<code>China Daily. &quot;Zhejiang becoming model&quot;. 2025-02-05.</code>" in html
    assert html.count("Cite this article") == 1 and html.count("zi-summary") == 2  # one in the style, one card


def test_article_text_is_never_markup():
    from dashboard.text.cards import articles

    html = articles([(article_row(source_title=EVIL, publisher=EVIL, published=EVIL), 2, EVIL, EVIL)], locale("en"))
    body = html.split("</style>", 1)[1]
    assert "<img" not in body and "<b>" not in body and body.count("&lt;img src=x onerror=alert(1)&gt;") == 5


def test_a_card_says_its_qualifier_in_words_never_a_sign():
    for qualifier, words in (("nearly", "nearly 30,000"), ("about", "about 620 billion yuan")):
        html = cards(pd.DataFrame([row(qualifier=qualifier, value_text=words, value_label="≈ x")]), locale("en"))
        assert f'<div class="zi-value">{words}</div>' in html and "≈" not in html
