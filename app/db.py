"""The database engine (SQLite tuned for one writer and many readers) and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, create_engine


@lru_cache(maxsize=8)
def get_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # SQLAlchemy, not the driver, begins transactions: the driver's implicit BEGIN
            # before the first write turned an ingest's first savepoint into its transaction.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            # WAL lets the site read while an ingest writes; foreign keys are off by default in SQLite.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            # Savepoints journal the pages they change: in memory, not in a temporary file.
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            # A writer takes the write lock when it begins, waiting its turn (busy_timeout): a
            # transaction that read first and wrote later would be refused outright whenever
            # another process had written in between.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get(WRITER) else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def map_for_reading(engine: Engine) -> None:
    """For a serving process: SQLite pages read through the OS's shared page cache instead of a
    read() each (a list page touches thousands of rows scattered over the file: about 30% of its
    query time). Not for an ingest: the mapped pages of the archive it reads would count in its
    resident memory, which must stay small."""
    if engine.dialect.name != "sqlite" or event.contains(engine, "connect", _map_file):
        return
    event.listen(engine, "connect", _map_file)
    engine.dispose()  # connections pooled before this have no mapping


def _map_file(dbapi_conn, _record) -> None:
    # As much of the file as this SQLite allows (it caps the size asked for: 2 GiB in the usual builds).
    # A 100,000-article archive is 1.6 GB, its events' listings (app.listings) at the end of it.
    dbapi_conn.execute(f"PRAGMA mmap_size={1 << 40}")


WRITER = "timeline_writer"  # marks the connection an ingest writes through (Connection.info)


def tune_for_bulk_writes(conn: Connection) -> None:
    """The one long-lived connection an ingest writes through: on SQLite a bigger page cache (its
    indexes stop being read back from the OS for every article, a few % of ingest time), and
    transactions that take the write lock when they begin. `release_writer` undoes both."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-65536")  # KiB: 64 MiB
        conn.commit()  # end the transaction the statement began, before the caller begins its own
        conn.info[WRITER] = True


def release_writer(conn: Connection) -> None:
    """Before the connection goes back to the pool, where readers will get it."""
    if conn.info.pop(WRITER, None):
        conn.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default
        conn.commit()


def session_scope(url: str) -> Iterator[Session]:
    with Session(get_engine(url)) as session:
        yield session
