"""Editors: accounts, API tokens, login throttling, revisions of articles too, event versions, pinned sources

On SQLite the event and event_source columns are added in place (ALTER TABLE ADD COLUMN):
rebuilding those tables would cascade-delete their dependants. Only `correction`, which
nothing references, is rebuilt (its event_id becomes nullable).

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('editor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('editor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_editor_name'), ['name'], unique=True)

    op.create_table('login_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('client', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.create_index('ix_login_failure_client_at', ['client', 'at'], unique=False)
        batch_op.create_index('ix_login_failure_name_at', ['name', 'at'], unique=False)

    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('editor_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['editor_id'], ['editor.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_editor_id'), ['editor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_api_token_token_hash'), ['token_hash'], unique=True)

    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.add_column(sa.Column('article_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reverts', sa.Integer(), nullable=True))
        batch_op.alter_column('event_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_correction_article_id'), ['article_id'], unique=False)
        batch_op.create_foreign_key('fk_correction_article_id', 'article', ['article_id'], ['id'], ondelete='CASCADE')

    op.add_column('event', sa.Column('verified', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('event', sa.Column('corrected_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.add_column('event', sa.Column('corrected_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.add_column('event', sa.Column('merged_into', sa.Integer(), nullable=True))
    op.add_column('event', sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    op.add_column('event', sa.Column('reviewed_version', sa.Integer(), nullable=True))
    op.add_column('event_source', sa.Column('pinned_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    op.drop_column('event_source', 'pinned_by')
    for column in ('reviewed_version', 'version', 'merged_into', 'corrected_at', 'corrected_by', 'verified'):
        op.drop_column('event', column)
    # Article-level revisions cannot live in the old table, whose event_id is required.
    op.execute("DELETE FROM correction WHERE event_id IS NULL")
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_constraint('fk_correction_article_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_correction_article_id'))
        batch_op.alter_column('event_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('reverts')
        batch_op.drop_column('version')
        batch_op.drop_column('article_id')

    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_token_hash'))
        batch_op.drop_index(batch_op.f('ix_api_token_editor_id'))

    op.drop_table('api_token')
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.drop_index('ix_login_failure_name_at')
        batch_op.drop_index('ix_login_failure_client_at')

    op.drop_table('login_failure')
    with op.batch_alter_table('editor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_editor_name'))

    op.drop_table('editor')
