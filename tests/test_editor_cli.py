"""`timeline editor ...`: accounts and API tokens from the command line, against a real SQLite file."""

from __future__ import annotations

from typer.testing import CliRunner

from app.cli import app
from tests.conftest import sql


def run(url: str, *args: str, stdin: str | None = None):
    return CliRunner().invoke(app, ["editor", *args], input=stdin, env={"DATABASE_URL": url})


def test_add_list_remove_with_a_hashed_password(db_url: str):
    r = run(db_url, "add", "ed", "--password-stdin", stdin="correct horse battery\n")
    assert r.exit_code == 0, r.output
    stored = sql(db_url, "select password_hash from editor where name='ed'")[0][0]
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert "ed\tadded" in run(db_url, "list").output
    assert run(db_url, "add", "ed", "--password-stdin", stdin="another password\n").exit_code == 1
    assert run(db_url, "remove", "ed").exit_code == 0
    assert run(db_url, "list").output == ""
    assert "no editor called ed" in run(db_url, "remove", "ed").output


def test_the_password_is_asked_twice_at_a_prompt(db_url: str):
    r = run(db_url, "add", "ann", stdin="long enough pass\nlong enough pass\n")
    assert r.exit_code == 0, r.output
    assert "Repeat for confirmation" in r.output


def test_weak_passwords_and_odd_names_are_refused(db_url: str):
    r = run(db_url, "add", "ed", "--password-stdin", stdin="short\n")
    assert r.exit_code == 1 and "at least 10 characters" in r.output
    r = run(db_url, "add", "../ed", "--password-stdin", stdin="long enough pass\n")
    assert r.exit_code == 1 and "a name is" in r.output


def test_tokens_are_issued_listed_and_revoked(db_url: str):
    run(db_url, "add", "ed", "--password-stdin", stdin="correct horse battery\n")
    r = run(db_url, "token", "ed")
    assert r.exit_code == 0
    token = r.stdout.splitlines()[0]
    assert token.startswith("tl_") and len(token) > 40
    stored = sql(db_url, "select token_hash from api_token")[0][0]
    assert token not in stored  # only its hash is kept
    assert "\tactive" in run(db_url, "tokens", "ed").output
    assert run(db_url, "revoke", "1").exit_code == 0
    assert "revoked" in run(db_url, "tokens", "ed").output
    assert run(db_url, "revoke", "1").exit_code == 1
    assert "1 active" not in run(db_url, "list").output
