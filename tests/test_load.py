"""The load generator: loopback only, its statistics, and one bounded load on the minimal app as a browser makes it."""

from __future__ import annotations

import random

import pytest

from benchmarks import servers
from benchmarks.load import arguments
from benchmarks.loadgen import Plan, address, load, percentile
from benchmarks.stream_client import answered, loopback_only


@pytest.mark.parametrize("url", ["http://example.com:8501", "http://10.0.0.5:8501", "http://localhost:8501",
                                 "http://0.0.0.0:8501", "ws://192.168.1.2/"])
def test_only_loopback_addresses_are_loaded(url):
    with pytest.raises(ValueError, match="loopback"):
        loopback_only(url)
    with pytest.raises(ValueError, match="loopback"):
        arguments(["--url", url])


def test_a_load_can_keep_to_some_pages_and_give_the_minimal_app_options():
    args = arguments(["--page", "about", "--page", "overview", "--minimal-arg", "runner.postScriptGC=false"])
    assert args.page == ("about", "") and args.minimal_arg == ["runner.postScriptGC=false"]
    assert arguments([]).page == ("", "sectors", "timeline", "data", "sources", "about")
    with pytest.raises(SystemExit):
        arguments(["--page", "nowhere"])


def test_loopback_addresses_pass():
    assert loopback_only("http://127.0.0.1:8501") == "http://127.0.0.1:8501"
    assert loopback_only("http://[::1]:8501") == "http://[::1]:8501"


def test_percentile_is_the_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert [percentile(values, q) for q in (50, 95, 99, 100)] == [50.0, 95.0, 99.0, 100.0]
    assert percentile([3.0], 95) == 3.0
    assert percentile([], 50) != percentile([], 50)  # NaN


def test_the_replica_that_answered_is_the_last_nginx_tried():
    assert answered("127.0.0.1:8001, 127.0.0.1:8002") == "127.0.0.1:8002"
    assert answered("127.0.0.1:8001") == "127.0.0.1:8001"


def test_addresses_are_pages_and_filters_the_dashboard_reads():
    rng = random.Random(4)
    seen = [address(rng, Plan()) for _ in range(200)]
    assert {page for page, _ in seen} == set(Plan().pages)
    for _, query in seen:
        for part in filter(None, query.split("&")):
            name, _, value = part.partition("=")
            assert name in {"year", "sector", "status"} and value


def test_a_bounded_load_on_the_minimal_app(tmp_path):
    """Sessions open, run, change the slider found by its key, and close; every run is counted, none fails."""
    server = servers.start(servers.MINIMAL, defaults=True, log_dir=tmp_path)
    try:
        plan = Plan(sessions=4, changes=3, ramp=0, repeat=False, pages=("",), keys=("bars",), filters=False)
        result = load(server.url, plan, server.pid)
    finally:
        server.stop()
    assert result.error_count == 0, result.examples
    assert result.sessions == 4
    assert len(result.latencies["first"]) == 4 and len(result.latencies["change"]) == 12
    assert result.cpu > 0 and result.rss_peak > 0
