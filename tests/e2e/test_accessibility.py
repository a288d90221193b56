"""axe-core on every page, light and dark, desktop and phone: nothing serious or critical, headings in order."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
PAGES = ("", "sectors", "timeline", "data", "sources", "figure?figure=zj-gdp-2024", "about")
SIZES = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").slice(0, 200))}));
}"""


def _problems(page, axe_script) -> list[dict]:
    """The violations axe finds on the page as it is now that are serious, critical or about heading order."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script))
    found = page.evaluate(RUN_AXE)
    return [v for v in found if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_axe_finds_nothing_serious_on_any_page(open_page, visit, server_url, axe_script, size, theme):
    page = open_page(SIZES[size], theme)
    seen = {}
    for path in PAGES:
        visit(page, f"{server_url}/{path}")
        seen[path or "overview"] = _problems(page, axe_script)
        if path == "sectors":  # the other tab, and a chart's table opened
            page.get_by_role("tab", name="Single figures").click()
            page.locator(".zi-card").first.wait_for()
            page.locator(".zi-card details").first.click()
            seen["sectors, single figures"] = _problems(page, axe_script)
        if path == "timeline":
            page.get_by_text("Chart data as a table").first.click()
            page.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]').first.wait_for()
            seen["timeline, its table"] = _problems(page, axe_script)
        if path == "sources":
            page.locator(".zi-card details").first.click()
            seen["sources, a citation open"] = _problems(page, axe_script)
    assert not any(seen.values()), {where: found for where, found in seen.items() if found}


@pytest.mark.parametrize("size", list(SIZES))
def test_axe_finds_nothing_serious_on_the_chinese_pages(open_page, visit, server_url, axe_script, size):
    """The same in Chinese, for a browser set to Chinese; the page says its language (zh-Hans) to a screen reader."""
    page = open_page(SIZES[size], locale="zh-CN")
    seen = {}
    for path in PAGES:
        visit(page, f"{server_url}/{path}")
        assert page.evaluate("() => document.documentElement.lang") == "zh-Hans", path
        seen[path or "overview"] = _problems(page, axe_script)
    assert not any(seen.values()), {where: found for where, found in seen.items() if found}


TAKE_AWAY = ("figures/zj-gdp-2024", "figures/zj-digital-key-project-average-2020", "figures/zj-ai-revenue-target-2027",
             "charts/ai-target-against-china",
             "charts/gdp", "charts/ai-plan-money?embed=1")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_axe_finds_nothing_serious_on_the_take_away_pages(open_page, served_url, axe_script, size, theme):
    """Figure pages, chart pages and an embed, in both languages, none wider than the screen (their CSP is set aside
    only to add axe)."""
    page = open_page(SIZES[size], theme, bypass_csp=True)
    seen = {}
    for path in TAKE_AWAY:
        for lang in ("en", "zh"):
            page.goto(f"{served_url}/{path}{'&' if '?' in path else '?'}lang={lang}")
            page.locator("h1, #chart").first.wait_for()
            if path.startswith("charts/"):
                page.wait_for_selector("#chart .main-svg")
                page.wait_for_timeout(300)  # the footer is moved once the chart is drawn
            assert page.evaluate("() => document.documentElement.lang") in ("en", "zh-Hans"), path
            assert "script-src 'self'" in page.evaluate(  # the page still sends its policy; only the test sets it aside
                "() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
            seen[f"{path} ({lang})"] = _problems(page, axe_script)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > SIZES[size]["width"]:  # the page never scrolls sideways: a wide table scrolls in its own box
                seen[f"{path} ({lang})"].append({"id": "scrolls sideways", "width": wide})
    assert not any(seen.values()), {where: found for where, found in seen.items() if found}


def test_keyboard_focus_on_the_top_navigation_is_visible(open_page, visit, server_url):
    page = open_page()
    visit(page, f"{server_url}/data")
    page.locator('[data-testid="stTopNavLink"]').first.focus()
    page.keyboard.press("Tab")  # focus moved by the keyboard: :focus-visible applies
    style = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return {testid: e.dataset.testid, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)} }""")
    assert style["testid"] == "stTopNavLink" and style["outline"] != "none" and style["width"] >= 2, style


def test_the_citation_copy_button_shows_without_hovering(open_page, visit, server_url):
    page = open_page({"width": 390, "height": 844})
    visit(page, f"{server_url}/sources")
    button = page.locator('[data-testid="stCode"] button[aria-label="Copy to clipboard"]')
    button.wait_for(state="attached")
    hidden = button.evaluate("""b => { for (let e = b; e; e = e.parentElement) { const s = getComputedStyle(e);
        if (s.opacity === "0" || s.visibility === "hidden" || s.display === "none") return true; } return false }""")
    assert not hidden


def test_every_chart_has_a_text_alternative(open_page, visit, server_url):
    page = open_page()
    for path in ("sectors", "timeline"):
        visit(page, f"{server_url}/{path}")
        charts = page.locator('[data-testid="stPlotlyChart"]')
        charts.first.wait_for()
        names = charts.evaluate_all("els => els.map(e => [e.getAttribute('role'), e.getAttribute('aria-label') || ''])")
        assert all(role == "figure" and len(name) > 40 for role, name in names), names
        assert page.get_by_text("Chart data as a table").count() == len(names)
