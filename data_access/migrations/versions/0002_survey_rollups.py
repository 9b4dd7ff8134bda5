"""survey rollups

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('survey_daily',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('respondents', sa.Integer(), nullable=False),
    sa.Column('persyaratan', sa.Integer(), nullable=False),
    sa.Column('prosedur', sa.Integer(), nullable=False),
    sa.Column('waktu', sa.Integer(), nullable=False),
    sa.Column('biaya', sa.Integer(), nullable=False),
    sa.Column('produk', sa.Integer(), nullable=False),
    sa.Column('kompetensi', sa.Integer(), nullable=False),
    sa.Column('perilaku', sa.Integer(), nullable=False),
    sa.Column('pengaduan', sa.Integer(), nullable=False),
    sa.Column('sarana', sa.Integer(), nullable=False),
    sa.Column('total_squares', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'], name=op.f('fk_survey_daily_unit_id_service_units')),
    sa.PrimaryKeyConstraint('unit_id', 'day', name=op.f('pk_survey_daily'))
    )
    with op.batch_alter_table('survey_daily', schema=None) as batch_op:
        batch_op.create_index('ix_survey_daily_day', ['day'], unique=False)

    op.create_table('survey_profile_daily',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('dimension', sa.String(length=12), nullable=False),
    sa.Column('value', sa.String(length=24), nullable=False),
    sa.Column('respondents', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'],
        name=op.f('fk_survey_profile_daily_unit_id_service_units')),
    sa.PrimaryKeyConstraint('unit_id', 'day', 'dimension', 'value', name=op.f('pk_survey_profile_daily'))
    )
    with op.batch_alter_table('survey_profile_daily', schema=None) as batch_op:
        batch_op.create_index('ix_survey_profile_daily_day', ['day'], unique=False)

def downgrade() -> None:
    with op.batch_alter_table('survey_profile_daily', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_profile_daily_day')

    op.drop_table('survey_profile_daily')
    with op.batch_alter_table('survey_daily', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_daily_day')

    op.drop_table('survey_daily')
