"""published SKM results: per unit and survey period, respondents and the nine NRRs

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ELEMENTS = ('persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana')


def upgrade() -> None:
    op.create_table('skm_summaries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('respondents', sa.Integer(), nullable=False),
    *[sa.Column(f'nrr_{name}', sa.Integer(), nullable=False) for name in ELEMENTS],
    sa.CheckConstraint('respondents >= 1', name=op.f('ck_skm_summaries_respondents_positive')),
    *[sa.CheckConstraint(f'nrr_{name} BETWEEN 10000 AND 40000', name=op.f(f'ck_skm_summaries_nrr_{name}_range'))
      for name in ELEMENTS],
    sa.CheckConstraint('period_start <= period_end', name=op.f('ck_skm_summaries_period_order')),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'], name=op.f('fk_skm_summaries_unit_id_service_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skm_summaries')),
    sa.UniqueConstraint('unit_id', 'period_start', 'period_end', name='uq_skm_summaries_period')
    )
    with op.batch_alter_table('skm_summaries', schema=None) as batch_op:
        batch_op.create_index('ix_skm_summaries_period_end', ['period_end'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('skm_summaries', schema=None) as batch_op:
        batch_op.drop_index('ix_skm_summaries_period_end')

    op.drop_table('skm_summaries')
