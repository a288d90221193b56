"""Every page on a desktop and a phone: the tab title, no request to another host, screenshots, a CSV that opens right."""

from __future__ import annotations

import io
from urllib.parse import urlparse

import pandas as pd
import pytest

from dashboard.table.dataset import load_frame

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
PAGES = {"": "Overview", "sectors": "Sectors", "timeline": "Timeline", "data": "Data", "sources": "Sources",
         "figure?figure=zj-gdp-2024": "Figures", "about": "About"}
SIZES = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}


def test_every_tab_title_names_its_page(open_page, visit, server_url):
    page = open_page()
    for path, name in PAGES.items():
        visit(page, f"{server_url}/{path}")
        page.wait_for_function("title => document.title === title", arg=f"{name} · Zhejiang Indicators")


def test_no_request_leaves_the_server_host(open_page, visit, server_url):
    """Loading every page asks nothing of another host: no web font, icon, script or tracker from elsewhere."""
    own = urlparse(server_url).netloc
    hosts: dict[str, str] = {}
    for size in SIZES.values():
        page = open_page(size)
        page.on("request", lambda request: hosts.setdefault(urlparse(request.url).netloc or request.url[:30], request.url))
        for path in PAGES:
            visit(page, f"{server_url}/{path}")
    assert own in hosts
    assert set(hosts) == {own}, {host: url for host, url in hosts.items() if host != own}


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_screenshots_of_every_page(open_page, visit, server_url, artifacts, size, theme):
    """Screenshots of every page, for a person to look at (a phone's also scrolled down); no page shows an error."""
    page = open_page(SIZES[size], theme)
    for path, name in PAGES.items():
        visit(page, f"{server_url}/{path}")
        assert page.locator('[data-testid="stException"]').count() == 0, name
        shot = artifacts / f"{name.lower()}-{size}-{theme}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if size == "phone":
            page.mouse.move(195, 600)
            page.mouse.wheel(0, 700)
            page.wait_for_timeout(400)
            page.screenshot(path=str(artifacts / f"{name.lower()}-{size}-{theme}-scrolled.png"))


def test_charts_have_no_toolbar_over_their_legend(open_page, visit, server_url):
    """On a phone, Plotly's toolbar would sit over the legend: it is left out, and the legend sits above the plot."""
    page = open_page(SIZES["phone"])
    for path in ("sectors", "timeline"):
        visit(page, f"{server_url}/{path}")
        for chart in page.locator(".js-plotly-plot").all():
            assert chart.locator(".modebar-btn").count() == 0 or not chart.locator(".modebar-btn").first.is_visible()
            room = chart.evaluate("""el => { const box = el.getBoundingClientRect(), shown = el.querySelector('.legend');
                if (!shown) return [0, 0];  // small multiples have no legend
                const legend = shown.getBoundingClientRect();
                return [legend.top - box.top, box.top + el._fullLayout._size.t - legend.bottom] }""")
            assert room[0] >= 0 and room[1] >= -1, (path, room)  # the legend is inside the chart, above the plot


def test_phone_tables_show_the_telling_columns_first(open_page, visit, server_url):
    page = open_page(SIZES["phone"])
    for path in ("data", "sources"):
        visit(page, f"{server_url}/{path}")
        page.locator('[data-testid="stDataFrame"] th[role="columnheader"]').first.wait_for(state="attached")
        headers = page.locator('[data-testid="stDataFrame"] th[role="columnheader"]').evaluate_all(
            "els => els.map(e => e.textContent)")
        assert [h.strip() for h in headers[:2]] == ["Figure", "Value"], headers  # side by side on the screen


def test_no_text_asks_a_touch_user_only_to_hover(open_page, visit, server_url):
    page = open_page(SIZES["phone"])
    for path in PAGES:
        visit(page, f"{server_url}/{path}")
        text = page.locator('[data-testid="stMain"]').inner_text().lower()
        for at in [i for i in range(len(text)) if text.startswith("hover", i)]:
            assert "tap" in text[at:at + 30] or "on a computer" in text[max(0, at - 30):at], text[at - 40:at + 40]


def test_a_downloaded_csv_starts_with_a_byte_order_mark(open_page, visit, server_url):
    page = open_page()
    visit(page, f"{server_url}/data")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download these").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbffigure_id,")
    rows = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert sorted(rows["figure_id"]) == sorted(load_frame()["figure_id"])
    assert list(pd.read_csv(io.BytesIO(data)).columns) == list(rows.columns)
    assert "≈" in data.decode("utf-8-sig") or any(ord(c) > 127 for c in data.decode("utf-8-sig"))


def test_a_downloaded_chart_image_carries_its_footer(open_page, visit, server_url, artifacts):
    """The toolbar's one button downloads the chart as PNG, with the source, the note and the dashboard drawn in."""
    from PIL import Image

    page = open_page(SIZES["desktop"])
    visit(page, f"{server_url}/sectors?sector=ai")
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    with page.expect_download() as info:
        chart.locator(".modebar-btn").first.click()
    path = artifacts / "chart-download.png"
    info.value.save_as(path)
    image = Image.open(path).convert("L")
    width, height = image.size
    assert width > 1000 and height > 400
    dark_rows = [y for y in range(height) if sum(1 for x in range(0, width // 2, 2) if image.getpixel((x, y)) < 160) > 3]
    assert dark_rows and dark_rows[-1] > height - 90  # text drawn at the very bottom: the footer's last line
    footer = chart.evaluate("el => el._fullLayout.annotations.filter(a => a.name === 'footer').map(a => a.text)")
    assert footer and "TechEdt" in footer[0] and "Zhejiang Indicators Dashboard" in footer[0]


def test_the_toolbar_keeps_one_download_button_on_a_desktop(open_page, visit, server_url):
    page = open_page(SIZES["desktop"])
    visit(page, f"{server_url}/sectors")
    chart = page.locator(".js-plotly-plot").first
    assert chart.locator(".modebar-btn").count() == 1
    assert chart.locator(".modebar-btn").first.get_attribute("data-title").startswith("Download plot")
