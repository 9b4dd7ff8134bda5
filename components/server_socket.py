"""Small answers leave the server at once: TCP_NODELAY on the socket `streamlit run` listens on.

Streamlit 1.67 binds its listening socket itself (starlette_server._bind_socket) as `socket.socket(family)`, whose
protocol number is 0, and asyncio only turns Nagle's algorithm off for sockets created with IPPROTO_TCP. With Nagle
on, a write that follows another waits for the browser's delayed acknowledgement: about 40 ms on every kept-alive
API answer with a body (bench/api.py), and on websocket messages sent in a row. Linux gives an accepted connection
the listening socket's TCP_NODELAY, so setting it on the listener covers every connection.

The socket is bound before uvicorn imports app.py (`streamlit run` hands it "app:app"), so app.py calls this at
import and finds the listener among the process's open files. `uvicorn app:app` binds its sockets after the
import, with IPPROTO_TCP, which asyncio already sets.
"""

from __future__ import annotations

import socket
from pathlib import Path

OPEN_FILES = Path("/proc/self/fd")


def listening_without_delay(files: Path = OPEN_FILES) -> int:
    """Set TCP_NODELAY on every TCP socket this process listens on; how many. Nothing where /proc is missing."""
    count = 0
    for entry in files.iterdir() if files.is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            sock = socket.socket(fileno=int(entry.name))
        except OSError:  # not a socket (or closed since the listing)
            continue
        try:
            if (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
                    and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                count += 1
        except OSError:
            pass
        finally:
            sock.detach()  # the descriptor belongs to its owner: never closed here
    return count
