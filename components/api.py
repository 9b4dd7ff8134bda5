"""The open data API over HTTP: Starlette routes that app.py hands to st.App, so the app's own process serves them
beside the pages (`streamlit run app.py`, or any ASGI server: `uvicorn app:app`).

    GET /api/v1/                       every table: columns, filters, licence, data time, addresses
    GET /api/v1/<table>.json|.csv      one table for the filters in the query string (the pages' parameters)

Read-only (GET and HEAD; anything else 405). Every answer is JSON or CSV, never a traceback: a bad parameter 400
with {"error", "parameter"}, an unknown address 404, a database outage 503. Answers carry a weak ETag of the data
version (If-None-Match gives 304), `Cache-Control: public, max-age=60`, `Access-Control-Allow-Origin: *` and
`X-Content-Type-Options: nosniff`. What they hold is components/open_data.py's business.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from components.i18n import DEFAULT_LANGUAGE, request_language, t

API_PATH = "/api/v1"
READ_METHODS = ("GET", "HEAD")
# The routes take every method HTTP defines, so that the endpoint itself answers the writing ones with a JSON 405
# (a function's Route would take GET alone, and Starlette would answer the rest in plain text).
ALL_METHODS = (*READ_METHODS, "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT")
# Figures change within seconds of a questionnaire; a minute of reuse spares the server, and the ETag makes a
# revalidation after that cost no table.
CACHE_CONTROL = "public, max-age=60"
# How long a client should wait after a 503 before asking again (the pages poll every 5 s too).
RETRY_AFTER_SECONDS = 5
_COMMON = {"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff"}
# Bodies kept for reuse (components/open_data tables are at most some 60 kB: a few MB in all).
BODIES_KEPT = 256
_JSON = "application/json; charset=utf-8"

_logger = logging.getLogger(__name__)


def _content():
    """components.open_data, imported at the first request rather than with app.py: it imports every area's figures,
    whose st.cache_data decorators log "No runtime found" when they run before st.App has started the runtime."""
    from components import open_data

    return open_data


def _served():
    """The tables served, from the registry (imported late for the same reason)."""
    from components.datasets import DATASETS

    return DATASETS


class _NotFound(LookupError):
    pass


def _error(status: int, message: str, parameter: str | None = None, headers: dict | None = None) -> Response:
    payload = {"error": message} if parameter is None else {"error": message, "parameter": parameter}
    return Response(json.dumps(payload, ensure_ascii=False).encode("utf-8"), status, media_type=_JSON,
                    headers={**_COMMON, "Cache-Control": "no-store", **(headers or {})})


def _matches(if_none_match: str | None, tag: str) -> bool:
    """Whether the client already holds `tag` (weak comparison, as If-None-Match asks)."""
    if not if_none_match:
        return False
    held = {candidate.strip().removeprefix("W/") for candidate in if_none_match.split(",")}
    return "*" in held or tag.removeprefix("W/") in held


class _Bodies:
    """The answers' bodies by entity tag, newest kept. The tag names everything a body is made of (the data's
    version, the WIB day, table, format, filters, language), so a body found by it is the body; writing one again
    (rows to JSON or CSV) cost a 57 kB table of units 10 ms of a cached answer."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, tag: str, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if tag in self._kept:
                self._kept.move_to_end(tag)
                return self._kept[tag]
        body = make()
        with self._lock:
            self._kept[tag] = body
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return body


_BODIES = _Bodies(BODIES_KEPT)


def _answer(request: Request, answer) -> Response:
    headers = {**_COMMON, "ETag": answer.tag, "Cache-Control": CACHE_CONTROL}
    if _matches(request.headers.get("if-none-match"), answer.tag):
        return Response(status_code=304, headers=headers)
    return Response(_BODIES.get(answer.tag, answer.body), media_type=answer.media_type, headers=headers)


def _endpoint(serve: Callable) -> Callable[[Request], Response]:
    """One API endpoint: the method checked, the request's language set, and every failure answered as JSON."""

    def endpoint(request: Request) -> Response:
        content = _content()
        if request.method not in READ_METHODS:
            return _error(405, t("api.error.method", DEFAULT_LANGUAGE), headers={"Allow": ", ".join(READ_METHODS)})
        params = request.query_params
        try:
            lang = content.request_lang(params)
            with request_language(lang):
                try:
                    content.ready()
                    return _answer(request, serve(content, request, lang))
                except content.BadParameter as problem:
                    return _error(400, problem.message, problem.parameter)
                except _NotFound:
                    return _error(404, t("api.error.not_found"))
                except content.NotReady:
                    return _error(503, t("api.error.not_ready"), headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
                except SQLAlchemyError as error:
                    content.database_failed(error)
                    return _error(503, t("api.error.unavailable"), headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
        except content.BadParameter as problem:  # lang itself: answered in the default language
            return _error(400, problem.message, problem.parameter)
        except Exception:
            _logger.exception("API request %s failed", request.url.path)
            return _error(500, t("api.error.internal", DEFAULT_LANGUAGE))

    return endpoint


def _index(content, request: Request, lang: str):
    return content.index(_served(), lang)


def _table(content, request: Request, lang: str):
    key, _, kind = request.path_params["name"].rpartition(".")
    table = next((table for table in _served() if table.key == key), None)
    if table is None or kind not in content.FORMATS:
        raise _NotFound
    return content.table(table, kind, request.query_params, lang)


def _nowhere(content, request: Request, lang: str):
    raise _NotFound


# /api and /api/... outside these would otherwise reach Streamlit, which answers any address with the app's page.
ROUTES = [
    Route(f"{API_PATH}/", _endpoint(_index), methods=ALL_METHODS),
    Route(API_PATH, _endpoint(_index), methods=ALL_METHODS),
    Route(f"{API_PATH}/{{name}}", _endpoint(_table), methods=ALL_METHODS),
    Route("/api", _endpoint(_nowhere), methods=ALL_METHODS),
    Route("/api/{rest:path}", _endpoint(_nowhere), methods=ALL_METHODS),
]
