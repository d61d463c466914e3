"""Architecture guards: the pipeline stays pure, and the migrations match the models."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from tests.conftest import ROOT


def test_the_ingest_pipeline_imports_no_database_or_web_code():
    code = ("import sys, app.ingest, app.ingest.pipeline; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('sqlmodel', 'sqlalchemy', 'fastapi', 'starlette')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_match_the_models(engine):
    from app.models import is_model_table

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": is_model_table})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []
