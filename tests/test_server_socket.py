"""components/server_socket: the listener `streamlit run` binds (protocol 0, as Streamlit creates it) gets
TCP_NODELAY, which every connection it accepts inherits; other descriptors are left as they are and stay open."""

import os
import socket

from components.server_socket import listening_without_delay


def _nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_the_listener_and_what_it_accepts_send_without_delay(tmp_path):
    listener = socket.socket(family=socket.AF_INET)  # as starlette_server._bind_socket makes it
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    client = socket.create_connection(listener.getsockname())
    before, _ = listener.accept()
    unrelated = open(tmp_path / "file", "w")  # noqa: SIM115 - an open descriptor that is not a socket
    try:
        assert listener.proto == 0 and _nodelay(before) == 0 and _nodelay(client) == 0
        assert listening_without_delay() >= 1
        after_client = socket.create_connection(listener.getsockname())
        after, _ = listener.accept()
        assert _nodelay(listener) == 1 and _nodelay(after) == 1
        assert _nodelay(client) == 0  # a connected socket is not a listener: untouched
        os.fstat(unrelated.fileno())  # still open
        client.sendall(b"x")
        assert before.recv(1) == b"x"  # descriptors wrapped for the check were not closed
        after.close()
        after_client.close()
    finally:
        unrelated.close()
        for sock in (before, client, listener):
            sock.close()


def test_without_proc_nothing_is_done(tmp_path):
    assert listening_without_delay(tmp_path / "missing") == 0
