"""Counts read right: one article, one figure matches; two articles, two figures match."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.text.cards import article
from dashboard.text.locale import locale

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app" / "main.py")


@pytest.mark.parametrize(("n", "expected"), [(1, "1 figure from this article matches the filters"),
                                             (3, "3 figures from this article match the filters")])
def test_article_card_counts(n, expected):
    first = SimpleNamespace(source_title="Headline", publisher="Xinhua", published="2025-01-02", url="https://x.test")
    assert expected in article(first, n, None, None, locale("en"))


def _texts(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown]
                     + [h.proto.body for h in at.get("html")])


@pytest.fixture(scope="module")
def one_figure() -> AppTest:
    """The app with the filters keeping a single figure from a single article."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["geo"] = "China"
    return at.run()


def test_one_figure_is_worded_in_the_singular_on_every_page(one_figure, real):
    at = one_figure
    assert not at.exception
    overview = _texts(at)
    assert f"1 of {len(real)} figures matches the filters, on 1 indicator from 1 article" in overview, overview
    at.switch_page("sectors.py").run()
    assert "1 figure on 1 indicator" in _texts(at) and "shown as a card" in _texts(at)
    at.switch_page("data.py").run()
    assert f"1 of {len(real)} rows matches the filters" in _texts(at)
    at.switch_page("sources.py").run()
    sources = _texts(at)
    assert "1 article behind the 1 figure that matches the filters" in sources, sources
    assert "1 figure from this article matches the filters" in sources
    for wrong in ("1 articles", "1 figures", "1 indicators", "1 rows", "1 figure from this article match "):
        assert wrong not in _texts(at)


def test_many_figures_are_worded_in_the_plural(real):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert f"{len(real)} of {len(real)} figures match the filters" in _texts(at)
    at.switch_page("sources.py").run()
    assert f" articles behind the {len(real)} figures that match the filters" in _texts(at)
