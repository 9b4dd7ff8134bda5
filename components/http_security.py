"""What every HTTP answer of the app carries, and what it does not answer: an ASGI middleware for st.App (app.py).

- Security headers on every response (pages, Streamlit's static files, /_stcore/, the open data API, /peta-aset/):
  the pages may be framed only by the app itself (its components, e.g. the Peta map, are same-origin iframes), so
  another site cannot overlay them (clickjacking); no MIME sniffing; only the origin goes out as Referer to other
  sites (OpenStreetMap's tile servers ask for one). The Content-Security-Policy holds frame-ancestors only: a
  script policy would have to allow Streamlit's own inline scripts, Vega and the map's iframe, and would prove
  nothing more than that.
- Streamlit's /_stcore/metrics (1.67 has no setting to turn it off) answers 404: it tells anyone the cache names,
  the hit counts of the ticket lookups and how many sessions are open. Monitoring uses /_stcore/health.
"""

from __future__ import annotations

import re

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
# Under any base path (server.baseUrlPath), with or without a trailing slash or doubled slashes.
_CLOSED = re.compile(r"(^|/)_stcore/+metrics/*$")


class SecurityHeaders:
    """Pure ASGI (not BaseHTTPMiddleware), so that Streamlit's websocket and streamed responses pass untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _CLOSED.search(scope["path"]):
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name == "Content-Security-Policy":
                        # A second policy is enforced beside any the response has, so it can only add restrictions.
                        headers.append(name, value)
                    elif name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


MIDDLEWARE = [Middleware(SecurityHeaders)]
