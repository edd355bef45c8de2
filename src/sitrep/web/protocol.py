"""The HTTP protocol of ``sitrep serve``: uvicorn's h11, answering without Nagle's delay.

With several workers, uvicorn binds the listening socket itself and hands it to each process. asyncio
turns Nagle's algorithm off only on sockets it can tell are TCP (``proto == IPPROTO_TCP``), and on that
socket the protocol number reads 0: every response after the first on a kept-alive connection waited for
the client's delayed acknowledgement, 40 ms a request (a page that takes 7 ms took 50).
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


PROTOCOL = f"{__name__}:{NoDelayH11Protocol.__name__}"  # as uvicorn imports it in each worker
