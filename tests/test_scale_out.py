"""Two replicas behind Debian's nginx with deploy/nginx.conf: one replica per session, more throughput, failover."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks import servers
from benchmarks.loadgen import Plan, load, run_sync
from benchmarks.stream_client import Session, fetch_page

DEPLOY = servers.ROOT / "deploy"
SATURATION = Plan(sessions=60, changes=10, think=0, ramp=2, duration=15, timeout=60, page_get=True, seed=3)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nginx_binary(debian_program) -> str:
    return debian_program("nginx", "nginx", "/usr/sbin/nginx")


@dataclasses.dataclass
class Cluster:
    replicas: list[servers.Server]
    url: str
    access_log: Path


@pytest.fixture(scope="module")
def cluster(nginx_binary, tmp_path_factory):
    """Two dashboard replicas and nginx in front of them, run with deploy/nginx.conf unchanged."""
    folder = tmp_path_factory.mktemp("nginx")
    replicas = []
    nginx = None
    try:
        replicas = [servers.start(servers.APP, log_dir=folder) for _ in range(2)]
        shutil.copyfile(DEPLOY / "nginx.conf", folder / "nginx.conf")
        assert (folder / "nginx.conf").read_bytes() == (DEPLOY / "nginx.conf").read_bytes()
        (folder / "upstream.conf").write_text("".join(
            f"server {r.url.removeprefix('http://')} max_fails=2 fail_timeout=10s;\n" for r in replicas))
        port = servers.free_port()
        (folder / "listen.conf").write_text(f"listen 127.0.0.1:{port};\n")
        # As root, nginx's workers run as nobody, who cannot enter pytest's private temporary folders where the
        # cache lives here; under Docker the cache is in nginx's own folder.
        workers = " user root;" if os.geteuid() == 0 else ""
        command = [nginx_binary, "-p", str(folder), "-c", str(folder / "nginx.conf"),
                   "-g", f"daemon off; pid {folder / 'nginx.pid'};{workers}"]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        access_log = folder / "access.log"
        with access_log.open("w") as out, (folder / "error.log").open("w") as err:
            nginx = subprocess.Popen(command, stdout=out, stderr=err, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while not servers.healthy(url):
            assert nginx.poll() is None and time.monotonic() < deadline, (folder / "error.log").read_text()
            time.sleep(0.2)
        yield Cluster(replicas, url, access_log)
    finally:
        if nginx is not None and nginx.poll() is None:
            nginx.terminate()  # SIGTERM to nginx's master, by its pid: it stops its workers
            nginx.wait(timeout=20)
        for replica in replicas:
            replica.stop()


def test_the_take_away_face_is_cached_by_address_and_revalidated_with_its_etag(cluster):
    """Figure pages and data files come from nginx's cache on the second request; conditional requests answer 304."""
    for path in ("/figures/zj-gdp-2024?lang=zh", "/data/figures.csv?sector=ai", "/charts/ai-plan-money"):
        first = urllib.request.urlopen(cluster.url + path, timeout=30)
        body, etag = first.read(), first.headers["ETag"]
        assert first.status == 200 and etag and first.headers["X-Cache"] in ("MISS", "EXPIRED", "REVALIDATED")
        again = urllib.request.urlopen(cluster.url + path, timeout=30)
        assert again.read() == body and again.headers["X-Cache"] == "HIT", path
        asked = urllib.request.Request(cluster.url + path, headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(asked, timeout=30)
        assert answer.value.code == 304, path
    english = urllib.request.urlopen(cluster.url + "/figures/zj-gdp-2024?lang=en", timeout=30).read()
    assert english != urllib.request.urlopen(cluster.url + "/figures/zj-gdp-2024?lang=zh", timeout=30).read()


def test_sessions_stick_to_one_replica_and_both_replicas_serve(cluster):
    """Every session's page, websocket and runs reach one replica, and through nginx both replicas take sessions.

    How much more two replicas serve than one is a benchmark (benchmarks/), not a test: this machine is shared.
    """
    warm = dataclasses.replace(SATURATION, sessions=12, changes=2, ramp=0, repeat=False, duration=60, seed=0)
    for url in (*(r.url for r in cluster.replicas), cluster.url):
        assert load(url, warm).error_count == 0
    both = load(cluster.url, SATURATION)
    assert both.error_count == 0, both.examples
    assert all(len(seen) == 1 for seen in both.upstreams), [s for s in both.upstreams if len(s) != 1][:5]
    used = set().union(*both.upstreams)
    assert used == {r.url.removeprefix("http://") for r in cluster.replicas}, used


async def _open(url: str, cookie: str = "") -> Session:
    """A reader's page and session through nginx; the session keeps the route cookie and the replicas seen."""
    set_cookie, upstream = await fetch_page(url, "sectors", cookie)
    session = Session(url, page="sectors", query="year=2015-2025", cookie=cookie or set_cookie)
    session.upstreams.add(upstream)
    await session.open()
    await session.first_run()
    return session


async def _failover(cluster: Cluster, victim: servers.Server) -> tuple[list[Session], list[Session], list[Session]]:
    """Sessions on both replicas; stop one; the others keep going; new and moved readers land on the live one."""
    sessions = [await _open(cluster.url) for _ in range(12)]
    dead = victim.url.removeprefix("http://")
    on_victim = [s for s in sessions if s.upstreams == {dead}]
    survivors = [s for s in sessions if s.upstreams != {dead}]
    assert on_victim and survivors, [s.upstreams for s in sessions]
    os.kill(victim.pid, signal.SIGTERM)  # by pid
    victim.process.wait(timeout=30)
    rng = random.Random(5)
    for session in survivors:
        for _ in range(3):
            await session.change(rng)
    newcomers = [await _open(cluster.url) for _ in range(6)]
    movers = [await _open(cluster.url, cookie=s.cookie) for s in on_victim]  # their replica is gone
    for session in newcomers + movers:
        await session.change(rng)
    for session in sessions + newcomers + movers:
        await session.close()
    return survivors, newcomers, movers


def test_stopping_a_replica_leaves_the_other_sessions_alone(cluster):
    victim, live = cluster.replicas[1], cluster.replicas[0]
    survivors, newcomers, movers = run_sync(_failover(cluster, victim))
    alive = live.url.removeprefix("http://")
    assert all(s.upstreams == {alive} for s in survivors)
    assert all(s.upstreams == {alive} for s in newcomers + movers), [s.upstreams for s in newcomers + movers]
    with urllib.request.urlopen(f"{cluster.url}/_stcore/health", timeout=5) as response:  # noqa: S310
        assert response.status == 200
