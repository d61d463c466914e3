"""Running the app under uvicorn, one process or several."""

from __future__ import annotations

import gc
import multiprocessing
import signal
import socket
import sys
import time

import uvicorn

APP = "app.web.server:serving_app"


def serving_app():
    """The app as a server process runs it: its modules, routes and schemas (most of the objects it
    will ever hold) set aside from the garbage collector, which otherwise rescans them all in every
    full collection: 50 to 75 ms here, in which the process answers nobody, the slowest 1% of responses.
    Not in `create_app`: the tests make many apps in one process, and frozen objects are never freed."""
    from app.web.app import create_app

    app = create_app()
    gc.collect()
    gc.freeze()
    # Full collections are then short, but come often: CPython runs one every tenth collection of the
    # middle generation once the objects promoted since the last outnumber a quarter of the
    # long-lived ones, and the freeze left few long-lived ones. A busy worker ran one every 3 to 5 s,
    # each 13-35 ms of answering nobody: the slowest 1% of its responses. Every hundredth: one every
    # 35-50 s, 62-76 ms each (the cycles requests leave, SQLAlchemy's sessions and connections, wait
    # longer to be freed: 25,000-41,000 objects).
    gc.set_threshold(700, 10, 100)
    return app


def _listener(host: str, port: int, *, shared: bool) -> socket.socket:
    """A TCP listening socket. Declared TCP (`IPPROTO_TCP`), so that asyncio sets TCP_NODELAY on the
    connections it accepts: a socket made without it (as uvicorn's own multi-worker socket is,
    uvicorn issue #3149) leaves Nagle on, and every keep-alive response after the first waits
    about 40 ms on the client's delayed ACK."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(config: uvicorn.Config) -> None:
    # Each worker listens on its own SO_REUSEPORT socket, and the kernel spreads new connections
    # over them evenly. On one shared socket, whichever worker woke first took nearly every
    # keep-alive connection: under load one worker ran at 80% CPU and the other at 8%.
    sock = _listener(config.host, config.port, shared=True)
    uvicorn.Server(config).run(sockets=[sock])


def server_config(host: str, port: int) -> uvicorn.Config:
    """uvicorn's choices, "auto", take httptools and uvloop, which are among our dependencies: a C
    HTTP parser and event loop (with pure-Python h11 and asyncio a request took 8-18% more CPU)."""
    return uvicorn.Config(APP, factory=True, host=host, port=port, log_level="info")


def serve(host: str, port: int, workers: int) -> None:
    config = server_config(host, port)
    if workers <= 1:
        uvicorn.Server(config).run()  # uvicorn's own single-process listener is declared TCP
        return
    # SO_REUSEPORT would let us share a port another server of ours already holds: refuse it, as
    # a single process would.
    try:
        _listener(host, port, shared=False).close()
    except OSError as exc:
        sys.exit(f"cannot listen on {host}:{port}: {exc.strerror}")
    spawn = multiprocessing.get_context("spawn")
    processes = [spawn.Process(target=_worker, args=(config,)) for _ in range(workers)]
    stopping = False

    def stop(_signum, _frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    for process in processes:
        process.start()
    print(f"Serving on http://{host}:{port} with {workers} worker processes (Press CTRL+C to quit)", flush=True)
    while not stopping:
        for i, process in enumerate(processes):
            if not process.is_alive():  # a worker that died is replaced; the others keep serving
                processes[i] = spawn.Process(target=_worker, args=(config,))
                processes[i].start()
        time.sleep(0.5)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=30)
