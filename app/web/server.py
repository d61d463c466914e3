"""Running the app under uvicorn, one process or several."""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

APP = "app.web.app:create_app"


class TcpConfig(uvicorn.Config):
    """uvicorn's own config, with a listening socket that declares itself TCP.

    With several workers uvicorn binds the socket itself and leaves its protocol at 0; accepted
    connections inherit that, asyncio then never sets TCP_NODELAY, and every keep-alive response
    after the first waits about 40 ms on the client's delayed ACK (uvicorn issue #3149, open in 0.54).
    """

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
            return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        return sock


def serve(host: str, port: int, workers: int) -> None:
    config = TcpConfig(APP, factory=True, host=host, port=port, workers=workers, log_level="info")
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()
