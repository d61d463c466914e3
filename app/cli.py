"""The `timeline` command: ingest articles, serve the site, manage the database."""

from __future__ import annotations

import gc
import glob
import itertools
import os
import pickle
import sys
import zlib
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from app.config import get_settings
from app.ingest import BadInput, RawDoc, read_article, read_documents
from app.ingest.reader import MAX_ARTICLE_BYTES

if TYPE_CHECKING:
    from app.store import CommitFailed, Ingestor

app = typer.Typer(help="Newsroom Timeline: from a pile of articles to a dated, source-linked timeline.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")
editor_app = typer.Typer(help="Editors' accounts and API tokens.", no_args_is_help=True)
app.add_typer(editor_app, name="editor")

INPUT_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ""}
MAX_JSONL_BYTES = 2 * 1024 ** 3


def _expand(paths: list[str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(display name, path, error) for every input file the arguments name."""
    for raw in paths:
        if any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield raw, None, "no file matches this pattern"
            for m in matches:
                if os.path.isfile(m):
                    yield m, Path(m), None
            continue
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts) \
                        and f.suffix.lower() in INPUT_SUFFIXES:
                    yield str(f), f, None
        elif p.exists() and not p.is_file():
            yield raw, None, "not a regular file"
        elif p.exists():
            yield raw, p, None
        else:
            yield raw, None, "no such file or directory"


def _read(path: Path) -> list[RawDoc]:
    """The documents in one file, named by file name. Raises BadInput with the reason."""
    limit = MAX_JSONL_BYTES if path.suffix.lower() in (".jsonl", ".ndjson") else MAX_ARTICLE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise BadInput(f"too large ({size / 1048576:.1f} MB; an article is at most {limit / 1048576:.0f} MB)")
        data = path.read_bytes()
    except PermissionError:
        raise BadInput("permission denied") from None
    except OSError as exc:
        raise BadInput(f"cannot read ({exc.strerror or exc})") from None
    return read_documents(data, path.name, max_bytes=limit)


def _migrated_settings():
    """The settings, once the database is known to be at the code's schema; else `error: ...`, exit 2."""
    from app.migrate import NotMigrated, ensure_current

    settings = get_settings()
    try:
        ensure_current(settings.database_url)
    except NotMigrated as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    return settings


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders or glob patterns of articles (.txt, .jsonl)."),
    progress: bool = typer.Option(None, "--progress/--no-progress",
                                  help="Show a progress bar (default: when stderr is a terminal)."),
    workers: int = typer.Option(0, "--workers", min=0, max=64,
                                help="Processes that read articles while this one merges and stores them "
                                     "(0: this one reads them too)."),
) -> None:
    """Read articles, extract dated events, merge them across articles and store them.

    Unchanged files are skipped; a changed file is read again without touching
    editors' corrections. A bad file is reported on one line and the rest go on.
    """
    from app.db import get_engine
    from app.store import CommitFailed, Ingestor

    settings = _migrated_settings()
    # The merge index is a large, long-lived object graph; the default collector
    # thresholds made it rescan that graph thousands of times (a fifth of ingest time).
    gc.set_threshold(200_000, 50, 1_000)
    ingestor = Ingestor(get_engine(settings.database_url))
    gc.freeze()
    try:
        _ingest_all(ingestor, paths, progress, workers)
    finally:
        try:
            ingestor.close()
        except CommitFailed as exc:
            _report_commit_failure(exc)
    typer.echo(ingestor.stats.line())
    if ingestor.stats.failed:
        raise typer.Exit(1)


def _ingest_all(ingestor: Ingestor, paths: list[str], progress: bool | None, workers: int = 0) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from app.store import CommitFailed

    stats = ingestor.stats
    inputs = list(_expand(paths))
    show = sys.stderr.isatty() if progress is None else progress

    def fail(name: str, reason: str) -> None:
        stats.failed += 1
        typer.echo(f"error: {name}: {reason}", err=True)

    def run(doc: RawDoc, digest: str, article, first) -> None:
        try:
            ingestor.ingest(doc, article=article, digest=digest, first=first)
        except CommitFailed as exc:
            _report_commit_failure(exc)
        except BadInput as exc:
            fail(doc.name, str(exc))
        except (SQLAlchemyError, ValueError, RecursionError) as exc:
            fail(doc.name, f"not stored ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})")
        except Exception as exc:  # a bug must cost one article, not the rest of the batch
            fail(doc.name, f"not stored ({_internal_error(exc)})")

    def changed_documents(advance) -> Iterator[tuple[RawDoc, str]]:
        """Every document of the inputs that is new or changed, with its content hash, in input order."""
        from app.store import content_hash

        for name, path, error in inputs:
            if error or path is None:
                fail(name, error or "unreadable")
                advance()
                continue
            try:
                docs = _read(path)
            except BadInput as exc:
                fail(name, str(exc))
                advance()
                continue
            for doc in docs:
                digest = content_hash(doc)
                if ingestor.is_unchanged(doc, digest):
                    stats.skipped += 1
                else:
                    yield ingestor.edited(doc), digest
            advance()

    # Undated documents wait compressed: in a big ingest they are many, and their text is all that waits.
    undated: deque[tuple[RawDoc, bytes, str]] = deque()

    def store(reads: Iterator[tuple[RawDoc, str, object]], progress: _Progress, undated_turn: bool = False) -> None:
        for doc, digest, read in reads:
            if isinstance(read, str):
                fail(doc.name, read)
            elif read is None:
                # Undated articles go last, so they can borrow a year from the dated ones. Only their
                # text waits (their readings, kept, were most of a big ingest's memory); they are
                # read, in the readers too, when their turn comes.
                undated.append((replace(doc, text=""), zlib.compress(doc.text.encode(), 1), digest))
                progress.undated_waits()
            else:
                run(doc, digest, *read)
            if undated_turn:
                progress.undated_done()

    with _Progress(show, len(inputs)) as progress:
        store(_read_all(changed_documents(progress.file_read), workers, _read_undated_later), progress)
        store(_read_all(_unpacked(undated), workers, read_for_ingest), progress, undated_turn=True)
        try:
            ingestor.reinfer_undated()
        except CommitFailed as exc:
            _report_commit_failure(exc)
        try:
            ingestor.write_listings(progress.listings_written)
        except SQLAlchemyError as exc:
            # Everything read is stored: lists build these events from the tables until the next run.
            typer.echo(f"warning: event listings not written ({type(exc).__name__}: "
                       f"{str(exc).splitlines()[0][:200]})", err=True)


def _unpacked(waiting: deque[tuple[RawDoc, bytes, str]]) -> Iterator[tuple[RawDoc, str]]:
    """The waiting documents, each let go as it is handed on."""
    while waiting:
        doc, packed, digest = waiting.popleft()
        yield replace(doc, text=zlib.decompress(packed).decode()), digest


def read_for_ingest(doc: RawDoc, undated_later: bool = False):
    """What can be read of a document without the rest of the archive: the article, and its mentions
    and event candidates against its own date. A string says why it cannot be read; None, with
    `undated_later`, that the article has no date and is to be read when its turn comes."""
    from app.ingest import first_reading

    try:
        article = read_article(doc)
        if undated_later and article.published is None:
            return None
        return article, first_reading(article)
    except (ValueError, RecursionError) as exc:
        return f"cannot read the article ({exc})"
    except Exception as exc:  # as in the writer: a bug costs one article, in a reader process too
        return f"cannot read the article ({_internal_error(exc)})"


def _internal_error(exc: Exception) -> str:
    first_line = (str(exc).splitlines() or [""])[0][:200]
    return f"internal error, please report it: {type(exc).__name__} {first_line}"


def _read_undated_later(doc: RawDoc):
    return read_for_ingest(doc, undated_later=True)


def _read_all(documents: Iterator[tuple[RawDoc, str]], workers: int, reader) -> Iterator[tuple[RawDoc, str, object]]:
    """`reader` of each document, in order: here, or in `workers` processes while this one stores.
    At most a few batches are in flight, so memory stays flat however large the input."""
    if workers < 1:
        for doc, digest in documents:
            yield doc, digest, reader(doc)
        return
    import multiprocessing
    from collections import deque

    # Readings travel in batches, pickled by the reader, so that the pool's thread in this process
    # that receives them has little to do: it takes the interpreter's lock whenever the writer lets
    # go of it (every database call does). Receiving and unpickling each reading there slowed the
    # writer, which is what an ingest waits for: 10,000 articles took 44 s, now 33 s. The writer
    # unpickles a batch when it needs it.
    batch, window = 16, 4 * workers  # documents per batch, batches in flight
    # Forked workers start at once and share the parent's code pages; they touch no database.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: deque = deque()

        def oldest() -> Iterator[tuple[RawDoc, str, object]]:
            docs, result = pending.popleft()
            for (doc, digest), read in zip(docs, pickle.loads(result.get()), strict=True):
                yield doc, digest, read

        documents = iter(documents)
        while docs := list(itertools.islice(documents, batch)):
            pending.append((docs, pool.apply_async(_read_batch, (reader, [doc for doc, _ in docs]))))
            if len(pending) >= window:
                yield from oldest()
        while pending:
            yield from oldest()


def _read_batch(reader, docs: list[RawDoc]) -> bytes:
    return pickle.dumps([reader(doc) for doc in docs], protocol=pickle.HIGHEST_PROTOCOL)


def _report_commit_failure(exc: CommitFailed) -> None:
    """One line per article the failed commit took with it (the ingestor has counted them as failed)."""
    for name in exc.names:
        typer.echo(f"error: {name}: not stored (commit failed: {str(exc).splitlines()[0][:200]})", err=True)


class _Progress:
    """Rich progress bars on a terminal, nothing at all otherwise: one for the files read, one for the
    undated articles, one for the events' listings. Undated articles wait until every dated article is
    stored, and then take their turn: in a big archive most of the run, which one bar, full by then, hid."""

    def __init__(self, show: bool, files: int) -> None:
        self.show, self.files, self._bar = show, files, None
        self._files_task = self._undated_task = self._listings_task = None
        self._undated = 0

    def __enter__(self) -> _Progress:
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            # On stderr, which `show` is about: stdout has the summary, and may be a file.
            self._bar = Progress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), transient=True, console=Console(stderr=True))
            self._bar.__enter__()
            self._files_task = self._bar.add_task("files read", total=self.files)
        return self

    def file_read(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._files_task)

    def undated_waits(self) -> None:
        if self._bar is None:
            return
        self._undated += 1
        if self._undated_task is None:
            self._undated_task = self._bar.add_task("undated articles", total=self._undated)
        else:
            self._bar.update(self._undated_task, total=self._undated)

    def undated_done(self) -> None:
        if self._bar is not None and self._undated_task is not None:
            self._bar.advance(self._undated_task)

    def listings_written(self, done: int, total: int) -> None:
        if self._bar is None:
            return
        if self._listings_task is None:
            self._listings_task = self._bar.add_task("event listings", total=total)
        self._bar.update(self._listings_task, completed=done)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to listen on (default TIMELINE_HOST or 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default TIMELINE_PORT or 8000)."),
    workers: int = typer.Option(1, help="Worker processes."),
) -> None:
    """Serve the timeline site and the JSON API."""
    from app.web.server import serve as run_server

    settings = _migrated_settings()
    run_server(host or settings.host, port or settings.port, workers)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Create or update the tables to the code's schema."""
    from app.migrate import current_revision, upgrade

    url = get_settings().database_url
    upgrade(url, revision)
    typer.echo(f"database at revision {current_revision(url)}")


@db_app.command("current")
def db_current() -> None:
    """Print the database's schema revision and the code's."""
    from app.migrate import current_revision, head_revision

    url = get_settings().database_url
    typer.echo(f"database: {current_revision(url) or 'none'}; code: {head_revision()}")


@contextmanager
def _accounts() -> Iterator:
    """A database session for the account commands; an AccountError ends the command with
    `error: ...` and exit status 1."""
    from sqlmodel import Session

    from app import accounts
    from app.db import get_engine
    settings = _migrated_settings()
    with Session(get_engine(settings.database_url)) as session:
        try:
            yield session
        except accounts.AccountError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None


@editor_app.command("add")
def editor_add(
    name: str = typer.Argument(..., help="Login name: letters, digits, dots, dashes, underscores."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin (scripts)."),
) -> None:
    """Make an editor account. The password is asked for twice, or read from stdin."""
    from app import accounts

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _accounts() as session:
        accounts.add_editor(session, name, password)
    typer.echo(f"editor {name} added")


@editor_app.command("list")
def editor_list() -> None:
    """Editors, with when they were added and how many API tokens they hold."""
    from app import accounts

    with _accounts() as session:
        for e in accounts.list_editors(session):
            typer.echo(f"{e.name}\tadded {e.created_at:%Y-%m-%d}\t{e.active_tokens} active token(s)")


@editor_app.command("remove")
def editor_remove(name: str) -> None:
    """Remove an editor: their login and tokens stop working at once; their history stays."""
    from app import accounts

    with _accounts() as session:
        accounts.remove_editor(session, name)
    typer.echo(f"editor {name} removed")


@editor_app.command("token")
def editor_token(name: str) -> None:
    """Issue an API token for an editor's scripts (printed once; only its hash is kept)."""
    from app import accounts

    with _accounts() as session:
        token_id, token = accounts.issue_token(session, name)
    typer.echo(token)
    typer.echo(f"token {token_id} for {name}; revoke it with `timeline editor revoke {token_id}`", err=True)


@editor_app.command("tokens")
def editor_tokens(name: str) -> None:
    """An editor's API tokens: id, when issued, whether revoked."""
    from app import accounts

    with _accounts() as session:
        for t in accounts.list_tokens(session, name):
            state = f"revoked {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "active"
            typer.echo(f"{t.id}\tissued {t.created_at:%Y-%m-%d %H:%M}\t{state}")


@editor_app.command("revoke")
def editor_revoke(token_id: int) -> None:
    """Revoke an API token by its id: scripts using it get 401 from then on."""
    from app import accounts

    with _accounts() as session:
        accounts.revoke_token(session, token_id)
    typer.echo(f"token {token_id} revoked")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
