"""One browser session as Streamlit's frontend speaks it: protobuf BackMsg/ForwardMsg over /_stcore/stream."""

from __future__ import annotations

import asyncio
import ipaddress
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

OK = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
TRACKED = ("slider", "multiselect")  # widget kinds whose current value the client keeps and sends back
UPSTREAM_HEADER = "x-upstream"  # set by deploy/nginx.conf: the replica that answered


def loopback_only(url: str) -> str:
    """The URL unchanged if its host is a loopback address; anything else is refused."""
    host = urlsplit(url).hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"{url}: load goes to a loopback address (127.0.0.1 or ::1) only")
    return url


def answered(upstreams: str) -> str:
    """The replica that answered: the last of the addresses nginx tried ("10.0.0.5:8501, 10.0.0.6:8501")."""
    return upstreams.split(",")[-1].strip()


class RunError(Exception):
    """A run that did not end in success: its kind (exception, closed, timeout, status) and detail."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


@dataclass
class Widget:
    """A widget the server drew: its element id (which ends with the user key), kind and current value."""

    id: str
    kind: str
    options: list[str]
    bounds: tuple[float, float] | None
    value: list


@dataclass
class Session:
    """A websocket session: the page, address query, widgets and replica it has seen so far."""

    base: str
    page: str = ""
    query: str = ""
    cookie: str = ""
    timeout: float = 60.0
    page_hash: str = ""
    widgets: dict[str, Widget] = field(default_factory=dict)
    upstreams: set[str] = field(default_factory=set)
    elements: int = 0
    keys: tuple[str, ...] = ("year", "sector")  # the user keys of the widgets a user changes
    _ws: object = None

    async def open(self) -> None:
        """Connect to /_stcore/stream (with the proxy's route cookie, if any) and note the replica named."""
        url = loopback_only(self.base).replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        try:
            self._ws = await asyncio.wait_for(websockets.connect(
                url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, ping_interval=None,
                open_timeout=self.timeout), self.timeout)
        except TimeoutError as exc:
            raise RunError("timeout", "websocket handshake") from exc
        except (OSError, websockets.InvalidHandshake) as exc:
            raise RunError("closed", f"connect: {exc}") from exc
        upstream = self._ws.response.headers.get(UPSTREAM_HEADER)
        if upstream:
            self.upstreams.add(answered(upstream))

    async def close(self) -> None:
        """Close the websocket, as a browser tab does."""
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def first_run(self) -> float:
        """The run a browser asks for when it opens the page's address; returns its seconds."""
        return await self._run(BackMsg())

    async def change(self, rng: random.Random) -> float:
        """One filter change as a user makes it: a new year range or sector choice; returns the rerun's seconds."""
        choices = [key for key in self.keys if key in self.widgets]
        if not choices:
            raise RunError("widget", f"none of {self.keys} among the widgets {sorted(self.widgets)}")
        widget = self.widgets[rng.choice(choices)]
        if widget.kind == "slider":
            low, high = (int(bound) for bound in widget.bounds)
            if len(widget.value) == 1:
                widget.value = [float(rng.randint(low, high))]
            else:
                a, b = sorted(rng.sample(range(low, high + 1), 2)) if high > low else (low, high)
                widget.value = [float(a), float(b)]
        else:
            widget.value = rng.sample(widget.options, rng.randint(0, min(3, len(widget.options))))
        return await self._run(BackMsg())

    async def _run(self, msg: BackMsg) -> float:
        """Send one rerun_script with the full client state, and wait for that run's script_finished."""
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.page_name = "" if self.page_hash else self.page
        state.context_info.timezone = "Asia/Shanghai"
        state.context_info.timezone_offset = -480
        state.context_info.locale = "en-US"
        state.context_info.url = f"{self.base.rstrip('/')}/{self.page}" + (f"?{self.query}" if self.query else "")
        for widget in self.widgets.values():
            proto = WidgetState(id=widget.id)
            if widget.kind == "slider":
                proto.double_array_value.data[:] = widget.value
            else:
                proto.string_array_value.data[:] = widget.value
            state.widget_states.widgets.append(proto)
        started = time.perf_counter()
        try:
            await self._ws.send(msg.SerializeToString())
            await asyncio.wait_for(self._read_until_finished(), self.timeout)
        except TimeoutError as exc:
            raise RunError("timeout", f"no script_finished within {self.timeout:g} s") from exc
        except websockets.ConnectionClosed as exc:
            raise RunError("closed", str(exc)) from exc
        return time.perf_counter() - started

    async def _read_until_finished(self) -> None:
        """Read ForwardMsgs, keeping widgets, page and address up to date, until the run ends; raise on a failure."""
        async for data in self._ws:
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element)
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "new_session" and msg.new_session.page_script_hash:
                self.page_hash = msg.new_session.page_script_hash
            elif kind == "navigation" and msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_not_found":
                raise RunError("page", f"page not found: {self.page!r}")
            elif kind == "script_finished":
                if msg.script_finished != OK:
                    raise RunError("status", ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished))
                return
        raise RunError("closed", "the server closed the websocket during a run")

    def _element(self, element) -> None:
        """Count the element; raise on an exception element; keep a tracked widget's id, options and value."""
        self.elements += 1
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise RunError("exception", f"{element.exception.type}: {element.exception.message}"[:300])
        if kind not in TRACKED:
            return
        proto = getattr(element, kind)
        parts = proto.id.split("-", 2)  # "$$ID-<hash>-<user key>"
        key = parts[2] if len(parts) == 3 else proto.id
        known = self.widgets.get(key)
        if kind == "slider":
            value = list(proto.value) if proto.set_value and proto.value else list(proto.default)
            widget = Widget(proto.id, kind, [], (proto.min, proto.max), value)
        else:
            options = list(proto.options)
            value = list(proto.raw_values) if proto.set_value else [options[i] for i in proto.default]
            widget = Widget(proto.id, kind, options, None, value)
        if known is not None and known.id == proto.id and not proto.set_value:
            widget.value = known.value  # as the frontend does: its own value stands unless the server sets one
        self.widgets[key] = widget


async def fetch_page(base: str, path: str, cookie: str = "", timeout: float = 30.0) -> tuple[str, str]:
    """GET a page as a browser does before it opens the websocket; returns (route cookie set, if any; replica)."""
    parts = urlsplit(loopback_only(base))
    headers = f"Cookie: {cookie}\r\n" if cookie else ""
    request = f"GET /{path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{headers}Connection: close\r\n\r\n"
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(parts.hostname, parts.port), timeout)
        writer.write(request.encode())
        head = (await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)).decode("latin-1")
        writer.close()
    except TimeoutError as exc:
        raise RunError("timeout", f"GET /{path}") from exc
    except (OSError, asyncio.IncompleteReadError) as exc:
        raise RunError("closed", f"GET /{path}: {exc}") from exc
    status = head.split(" ", 2)[1]
    if status != "200":
        raise RunError("http", f"GET /{path}: {status}")
    set_cookie, upstream = "", ""
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            set_cookie = value.strip().split(";", 1)[0]
        elif name.lower() == UPSTREAM_HEADER:
            upstream = answered(value)
    return set_cookie, upstream
