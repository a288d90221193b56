"""The take-away face's HTTP routes: figure and chart pages, their files, the whole data, the sitemap; no Streamlit."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from threading import Lock

import plotly
from plotly.offline import get_plotlyjs
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dashboard.data.load import data_version
from dashboard.data.problems import DataError
from dashboard.export import datapackage, package_zip, to_csv
from dashboard.table.address import parse_query
from dashboard.table.dataset import Dataset, current
from dashboard.table.filters import apply, rows_by_id
from dashboard.text.citations import cite_bibtex
from dashboard.text.locale import Locale, choose, locale
from dashboard.web import pages

BASE_SETTING = "DASHBOARD_BASE_URL"  # the site's address (https://example.org), for canonical links and citations
ASSETS = Path(__file__).resolve().parent / "assets"
MAX_CACHED = 512  # rendered responses kept, across data versions, paths and languages
MAX_CACHED_BYTES = 16 * 2**20  # and their bodies' bytes at most: memory stays bounded whatever readers ask
PAGE_CACHE = "public, no-cache"  # kept, but asked again each time: a data edit shows on the next request, else 304
ASSET_CACHE = "public, max-age=86400"
MAX_PATH_CHARS = 200  # an id longer than this names nothing
MAX_QUERY_BYTES = 16 * 1024  # a longer query is refused (414) before it is read: the filters need a few hundred bytes
MAX_QUERY_FIELDS = 200  # and so is one of more parameters than this
PAGE_SECURITY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                 "object-src 'none'; base-uri 'none'; form-action 'self'")
NOTICES_HEADER = "X-Dashboard-Notices"
log = logging.getLogger(__name__)


class Answer:
    """A response's body, type, status and headers, kept to answer the same request again."""

    def __init__(self, body: bytes | str, media_type: str, status: int = 200, headers: dict[str, str] | None = None):
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.media_type, self.status, self.headers = media_type, status, headers or {}


HTML, CSV, JSON = "text/html; charset=utf-8", "text/csv; charset=utf-8", "application/json"
_answers: OrderedDict[str, Answer] = OrderedDict()
_kept_bytes = [0]  # the bytes of the answers kept
_lock = Lock()


def base_url() -> str:
    """The canonical base address from DASHBOARD_BASE_URL, without a final slash; empty for relative links."""
    return os.environ.get(BASE_SETTING, "").strip().rstrip("/")


def reader_locale(request: Request, read_query: bool = True) -> Locale:
    """The page's locale: the address's `lang` (unless told not to read the query), else the browser's first choice,
    else English."""
    accepted = request.headers.get("accept-language", "")[:200].split(",")[0].split(";")[0].strip()
    return locale(choose(request.query_params.get("lang") if read_query else None, accepted))


def _etag(*parts: object) -> str:
    """A weak ETag of these parts: the same text answers whether or not it is sent compressed."""
    return 'W/"' + hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:32] + '"'


def _matches(request: Request, etag: str) -> bool:
    """Whether If-None-Match names this ETag (compared weakly, as RFC 9110 asks of it) or is *."""
    asked = request.headers.get("if-none-match")
    if not asked:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in asked.split(",")}
    return etag.removeprefix("W/") in tags or "*" in tags


def _respond(request: Request, answer: Answer, etag: str, cache: str = PAGE_CACHE, vary: bool = True) -> Response:
    headers = {"ETag": etag, "Cache-Control": cache, "X-Content-Type-Options": "nosniff", **answer.headers}
    if vary:
        headers["Vary"] = "Accept-Language"
    if answer.status == 200 and _matches(request, etag):
        return Response(status_code=304, headers={k: v for k, v in headers.items() if k in ("ETag", "Cache-Control", "Vary")})
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type, headers=headers)


def _remember(key: str, make: Callable[[], Answer]) -> Answer:
    """The answer made for `key` before, or made now and kept (the oldest forgotten past MAX_CACHED or its bytes)."""
    kept = _kept(key)
    if kept is not None:
        return kept
    answer = make()
    with _lock:
        if key not in _answers:
            _answers[key] = answer
            _kept_bytes[0] += len(answer.body)
        while len(_answers) > MAX_CACHED or _kept_bytes[0] > MAX_CACHED_BYTES:
            _kept_bytes[0] -= len(_answers.popitem(last=False)[1].body)
    return answer


def _error(status: int, loc: Locale, asked: str = "") -> Answer:
    context = pages.error_page(status, loc, base_url(), asked[:MAX_PATH_CHARS])
    return Answer(pages.render("error.html", loc, **context), HTML, status,
                  {"Content-Security-Policy": PAGE_SECURITY, "X-Content-Type-Options": "nosniff"})


Made = Callable[[Dataset, Request, Locale, str], Answer]


def _key(version: str, request: Request, lang: str, reads: tuple[str, ...] | None, daily: bool) -> str:
    """The ETag of an answer: the data version, path, language and the parameters the route reads."""
    query = sorted((k, v) for k, v in request.query_params.multi_items() if reads is None or k in reads)
    today = dt.date.today().isoformat() if daily else ""
    site = base_url() or str(request.base_url)  # the sitemap and robots.txt name the host asked when no base is set
    return _etag(version, request.url.path, lang, query, site, today)


def _kept(etag: str) -> Answer | None:
    """The answer kept under this ETag, if any."""
    with _lock:
        if etag in _answers:
            _answers.move_to_end(etag)
            return _answers[etag]
    return None


def _answer(make: Made, request: Request, loc: Locale, reads: tuple[str, ...] | None, daily: bool) -> tuple[Answer, str]:
    """The answer to a request of the data as it is now, and its ETag; made once per data version and request."""
    data = current()
    etag = _key(data.version, request, loc.code, reads, daily)
    return _remember(etag, lambda: make(data, request, loc, base_url())), etag


def served(make: Made, *, reads: tuple[str, ...] | None = (), vary: bool = True,
           daily: bool = False) -> Callable[[Request], Awaitable[Response]]:
    """A route of the loaded data, with ETag, 304 and readable errors; `make` runs in a worker thread."""
    # An answer is kept per data version, path, language and the parameters the route `reads` (None: all), so other
    # parameters make no new answer; `daily`: the answer names today (the data package's date) and is kept a day.

    async def endpoint(request: Request) -> Response:
        query_string = request.scope.get("query_string", b"")
        if len(query_string) > MAX_QUERY_BYTES or query_string.count(b"&") >= MAX_QUERY_FIELDS:
            loc = reader_locale(request, read_query=False)
            return _respond(request, _error(414, loc), _etag("414", loc.code), cache="no-store")
        loc = reader_locale(request)
        etag = _key(data_version(), request, loc.code, reads, daily)  # the files' stamps: no read when they are unchanged
        answer = _kept(etag)
        if answer is not None:
            return _respond(request, answer, etag, vary=vary)
        try:  # a new answer, or new data, is made in a worker thread: the server answers others meanwhile
            answer, etag = await run_in_threadpool(_answer, make, request, loc, reads, daily)
        except DataError as exc:
            log.warning("the data files have %d problem(s), the first: %s", len(exc.problems), exc.problems[:1])
            return _respond(request, _error(503, loc), _etag("503", loc.code), cache="no-store")
        except Exception:  # a fault: a readable page, never a traceback
            log.exception("cannot answer %s", request.url.path)
            return _respond(request, _error(500, loc), _etag("500", loc.code), cache="no-store")
        return _respond(request, answer, etag, vary=vary)

    return endpoint


def _page_headers(embed: bool = False) -> dict[str, str]:
    if embed:  # another site may frame the chart
        return {"Content-Security-Policy": PAGE_SECURITY + "; frame-ancestors *", "X-Content-Type-Options": "nosniff"}
    return {"Content-Security-Policy": PAGE_SECURITY + "; frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN",
            "X-Content-Type-Options": "nosniff"}


def _figure(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    """/figures/{name}: the page, or .json (JSON-LD), .csv, .bib."""
    name = request.path_params["name"][:MAX_PATH_CHARS]
    stem, _, suffix = name.rpartition(".")
    figure_id, kind = (stem, suffix) if suffix in ("json", "csv", "bib") else (name, "html")
    row = pages.figure_row(data, figure_id, loc)
    if row is None:
        return _error(404, loc, request.url.path)
    if kind == "json":
        return Answer(json.dumps(pages.json_ld(data, row, base, loc), ensure_ascii=False, indent=2),
                      "application/ld+json")
    if kind == "csv":
        return Answer(to_csv(rows_by_id(data.frame, [figure_id])), CSV,
                      headers={"Content-Disposition": f'attachment; filename="{figure_id}.csv"'})
    if kind == "bib":
        cited = pages.address(base, pages.figure_path(figure_id))
        return Answer(cite_bibtex(row, cited, loc) + "\n", "application/x-bibtex; charset=utf-8",
                      headers={"Content-Disposition": f'attachment; filename="{figure_id}.bib"'})
    return Answer(pages.render("figure.html", loc, **pages.figure_page(data, row, base, loc)), HTML,
                  headers=_page_headers())


def _chart(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    """/charts/{name}: the chart's page (?embed=1: the chart alone, for a frame), or .csv of its rows."""
    name = request.path_params["name"][:MAX_PATH_CHARS]
    chart_id, kind = (name[:-4], "csv") if name.endswith(".csv") else (name, "html")
    chart = pages.build_chart(data, chart_id, loc)
    if chart is None:
        return _error(404, loc, request.url.path)
    if kind == "csv":
        return Answer(to_csv(rows_by_id(data.frame, chart.rows["figure_id"])), CSV,
                      headers={"Content-Disposition": f'attachment; filename="{chart_id}.csv"'})
    embed = request.query_params.get("embed") == "1"
    context = pages.chart_page(chart, base, loc, embed, base or str(request.base_url).rstrip("/"))
    return Answer(pages.render("chart.html", loc, **context), HTML, headers=_page_headers(embed))


def _selection(data: Dataset, request: Request, loc: Locale):
    """The rows the dashboard's own filter parameters keep, and its notices about what it could not read."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    filters, notices = parse_query(params, data.views[loc.code].options, loc)
    return apply(data.frame, filters), filters, notices


def _notices(notices: list[str]) -> dict[str, str]:
    """The notices as a header: JSON in ASCII, so no reader's text can break the header."""
    return {NOTICES_HEADER: json.dumps(notices)} if notices else {}


def _figures_csv(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    rows, _, notices = _selection(data, request, loc)
    return Answer(to_csv(rows), CSV, headers={"Content-Disposition": 'attachment; filename="figures.csv"',
                                              **_notices(notices)})


def _figures_json(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    rows, filters, notices = _selection(data, request, loc)
    body = {"version": data.version, "notices": notices,
            "filters": {"year": list(filters.years), "sector": list(filters.sectors), "geo": list(filters.geos),
                        "status": list(filters.statuses)},
            "count": len(rows), "figures": json.loads(rows.to_json(orient="records", force_ascii=False))}
    return Answer(json.dumps(body, ensure_ascii=False), JSON, headers=_notices(notices))


def _package_zip(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    return Answer(package_zip(data.frame, data.sources), "application/zip",
                  headers={"Content-Disposition": 'attachment; filename="zhejiang-indicators.zip"'})


def _package_json(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    return Answer(json.dumps(datapackage(data.frame, data.sources), ensure_ascii=False, indent=2), JSON)


def _sitemap(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    return Answer(pages.sitemap(data, base or str(request.base_url).rstrip("/")), "application/xml")


def _robots(data: Dataset, request: Request, loc: Locale, base: str) -> Answer:
    site = base or str(request.base_url).rstrip("/")
    return Answer(f"User-agent: *\nAllow: /\nDisallow: /_stcore/\nSitemap: {site}/sitemap.xml\n", "text/plain; charset=utf-8")


@functools.cache
def _asset(name: str) -> tuple[bytes, str]:
    """An asset's bytes and ETag: Plotly's JavaScript from the installed package, or our own script."""
    body = get_plotlyjs().encode("utf-8") if name == "plotly.min.js" else (ASSETS / name).read_bytes()
    return body, _etag(name, plotly.__version__, hashlib.sha256(body).hexdigest())


async def asset(request: Request) -> Response:
    """/assets/plotly.min.js and /assets/chart.js, served by this process: a page asks no other host."""
    name = request.path_params["name"]
    if name not in ("plotly.min.js", "chart.js"):
        return _respond(request, _error(404, reader_locale(request), request.url.path), _etag("404"), vary=True)
    body, etag = await run_in_threadpool(_asset, name)
    return _respond(request, Answer(body, "text/javascript; charset=utf-8"), etag, cache=ASSET_CACHE, vary=False)


routes = [
    Route("/figures/{name}", served(_figure)),
    Route("/charts/{name}", served(_chart, reads=("embed",))),
    Route("/data/figures.csv", served(_figures_csv, reads=None)),
    Route("/data/figures.json", served(_figures_json, reads=None)),
    Route("/data/datapackage.zip", served(_package_zip, vary=False, daily=True)),
    Route("/data/datapackage.json", served(_package_json, vary=False, daily=True)),
    Route("/sitemap.xml", served(_sitemap, vary=False)),
    Route("/robots.txt", served(_robots, vary=False)),
    Route("/assets/{name}", asset),
]
