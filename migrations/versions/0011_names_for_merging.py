"""Who and where each article and each event names, so that merging can tell two reports of one day
apart ("Floods killed 12 people in Italy", "Floods killed 40 people in Libya"): `article.names` and
`event.names`, filled here from what is stored (the articles' paragraphs and titles, the events' source
sentences), so an archive merges its next articles as a fresh ingest would.

Revision ID: 0011
Revises: 0010
"""
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The rule of app.ingest.events.names as this revision was written: copied, not imported, so that
# this revision means the same whatever the application's code becomes.
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
NOT_NAMES = frozenset("""
a about above according added afp after again against all also although am ambassador an analysis and any ap apr
april are as at aug august be because been before being below between both breaking but by can capt captain ceo
chair chairman chairwoman chancellor chief co col colonel commissioner corp could dame day dec december deputy
did director do does doing down dr during e.g each emir etc exclusive feb february few for foreign former friday
from ft further gen general getty gov governor had has have having he her here hers herself him himself his how
however i i.e if images in inc into is it its itself jan january jr judge july june just justice king lady last
lieutenant live lord lt ltd mar march may mayor me might minister monday month more most mr mrs ms mt must my
myself new next no nor not nov november now oct october of off officer ok on once one only or other our ours
ourselves out over own per photo police pope president prime prince princess prof professor queen read rep
reuters rev said same saturday say says secretary sen senator sep sept september sergeant shall she sheikh
should since sir so some speaker sr st such sultan sunday tass tell than that the their theirs them themselves
then there these they this those three through thursday time to told too tuesday two u.k u.n u.s under until up
update updated us very video vs was watch we wednesday week were what when where which while who whom why will
with would year you your yours
""".split())
CONCEPTS = {
    "ussr": "soviet", "intervened": "invad", "intervention": "invad", "intervene": "invad", "takeover":
    "seiz", "captured": "seiz", "toppled": "seiz", "fell": "seiz", "control": "seiz", "swept": "seiz",
    "deposed": "seiz", "overran": "seiz", "stormed": "seiz", "conquered": "seiz", "capture": "seiz",
    "pullout": "withdr", "pulled": "withdr", "america": "us", "american": "us", "americans": "us", "u.s":
    "us", "washington": "us", "deaths": "kill", "died": "kill", "dead": "kill"
}

ARTICLE = sa.table("article", sa.column("id", sa.Integer), sa.column("title", sa.Text), sa.column("names", sa.Text))
PARAGRAPH = sa.table("paragraph", sa.column("article_id", sa.Integer), sa.column("text", sa.Text))
EVENT = sa.table("event", sa.column("id", sa.Integer), sa.column("names", sa.Text))
SOURCE = sa.table("event_source", sa.column("event_id", sa.Integer), sa.column("sentence", sa.Text))
BATCH = 1000


def _names(text: str) -> set[str]:
    out = set()
    words = WORD.finditer(text)
    next(words, None)  # capitalised whatever it is
    for m in words:
        w = m.group(0)
        if not w[0].isupper():
            continue
        lw = w.lower().replace("\u2019", "'")
        if lw.endswith("'s"):
            lw = lw[:-2]
        if lw not in NOT_NAMES:
            out.add(CONCEPTS.get(lw, lw)[:4])
    return out


def _fill(table, ids, texts_of) -> None:
    """Each row of `table` gets the names of its texts; `texts_of(first, last)` gives (row id, text)
    for the rows with ids in [first, last], a batch at a time, so that memory stays flat."""
    conn = op.get_bind()
    for start in range(0, len(ids), BATCH):
        first, last = ids[start], ids[min(start + BATCH, len(ids)) - 1]
        names: dict[int, set[str]] = {}
        for row_id, text in texts_of(conn, first, last):
            names.setdefault(row_id, set()).update(_names(text or ""))
        rows = [{"row_id": row_id, "value": " ".join(sorted(found))} for row_id, found in names.items() if found]
        if rows:
            conn.execute(table.update().where(table.c.id == sa.bindparam("row_id"))
                         .values(names=sa.bindparam("value")), rows)


def _article_texts(conn, first: int, last: int):
    yield from conn.execute(sa.select(ARTICLE.c.id, ARTICLE.c.title).where(ARTICLE.c.id.between(first, last)))
    yield from conn.execute(sa.select(PARAGRAPH.c.article_id, PARAGRAPH.c.text)
                            .where(PARAGRAPH.c.article_id.between(first, last)))


def _event_texts(conn, first: int, last: int):
    return conn.execute(sa.select(SOURCE.c.event_id, SOURCE.c.sentence).where(SOURCE.c.event_id.between(first, last)))


def upgrade() -> None:
    # In place (ALTER TABLE), on SQLite too: rebuilding these tables would cascade-delete their dependants.
    for table in ("article", "event"):
        op.add_column(table, sa.Column("names", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    _fill(ARTICLE, conn.execute(sa.select(ARTICLE.c.id).order_by(ARTICLE.c.id)).scalars().all(), _article_texts)
    _fill(EVENT, conn.execute(sa.select(EVENT.c.id).order_by(EVENT.c.id)).scalars().all(), _event_texts)


def downgrade() -> None:
    for table in ("event", "article"):
        op.drop_column(table, "names")
