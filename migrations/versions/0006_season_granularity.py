"""Seasons were stored as months: an event dated `2021-21` (spring 2021, EDTF's season code) got the
granularity "month", which the granularity filter then matched. Their granularity is "season" now.

Data only. Revision ID: 0006
Revises: 0005
"""
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A year and a season code (21-24), perhaps uncertain or approximate: written here, not imported,
# so that this revision means the same whatever the application's code becomes.
SEASON = re.compile(r"^\d{4}-2[1-4][?~%]?$")
EVENT = sa.table("event", sa.column("id", sa.Integer), sa.column("edtf", sa.String),
                 sa.column("granularity", sa.String))


def _regrade(old: str, new: str) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(EVENT.c.id, EVENT.c.edtf).where(
        EVENT.c.granularity == old, EVENT.c.edtf.like("____-2%"))).all()
    ids = [row.id for row in rows if SEASON.match(row.edtf)]
    for start in range(0, len(ids), 500):
        conn.execute(EVENT.update().where(EVENT.c.id.in_(ids[start:start + 500])).values(granularity=new))


def upgrade() -> None:
    _regrade("month", "season")


def downgrade() -> None:
    _regrade("season", "month")
