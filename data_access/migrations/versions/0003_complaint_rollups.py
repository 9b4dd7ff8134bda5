"""monthly rollups: complaint counts and finished stage clocks per unit per month, the respondent profile per
month instead of per day; filled from the stored rows

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from data_access.complaint_rollups import rebuild_complaint_rollups
from data_access.rollups import rebuild_survey_rollups

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complaint_monthly',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('dimension', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=32), nullable=False),
    sa.Column('complaints', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'], name=op.f('fk_complaint_monthly_unit_id_service_units')),
    sa.PrimaryKeyConstraint('unit_id', 'month', 'dimension', 'value', name=op.f('pk_complaint_monthly'))
    )
    with op.batch_alter_table('complaint_monthly', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_monthly_month', ['month'], unique=False)

    op.create_table('complaint_stage_monthly',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('tier', sa.String(length=24), nullable=False),
    sa.Column('workdays', sa.Integer(), nullable=False),
    sa.Column('workdays_cuti_kerja', sa.Integer(), nullable=False),
    sa.Column('complaints', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'],
        name=op.f('fk_complaint_stage_monthly_unit_id_service_units')),
    sa.PrimaryKeyConstraint('unit_id', 'month', 'stage', 'tier', 'workdays', 'workdays_cuti_kerja',
        name=op.f('pk_complaint_stage_monthly'))
    )
    with op.batch_alter_table('complaint_stage_monthly', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_stage_monthly_month', ['month'], unique=False)

    with op.batch_alter_table('service_units', schema=None) as batch_op:
        batch_op.create_index('ix_service_units_kecamatan', ['kecamatan_code'], unique=False)

    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_resolved', ['resolved_at'], unique=False)
        batch_op.create_index('ix_complaints_updated', ['updated_at'], unique=False)
        batch_op.create_index('ix_complaints_unverified', ['status'], unique=False,
            sqlite_where=sa.text('verified_at IS NULL'),
            postgresql_where=sa.text('verified_at IS NULL'))

    op.create_table('survey_profile_monthly',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('dimension', sa.String(length=12), nullable=False),
    sa.Column('value', sa.String(length=24), nullable=False),
    sa.Column('respondents', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'],
        name=op.f('fk_survey_profile_monthly_unit_id_service_units')),
    sa.PrimaryKeyConstraint('unit_id', 'month', 'dimension', 'value', name=op.f('pk_survey_profile_monthly'))
    )
    with op.batch_alter_table('survey_profile_monthly', schema=None) as batch_op:
        batch_op.create_index('ix_survey_profile_monthly_month', ['month'], unique=False)
    with op.batch_alter_table('survey_profile_daily', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_profile_daily_day')
    op.drop_table('survey_profile_daily')

    # Data stored before this revision gets its new rollups now, so pages never read an empty rollup.
    rebuild_complaint_rollups(op.get_bind())
    rebuild_survey_rollups(op.get_bind())


def downgrade() -> None:
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
    with op.batch_alter_table('survey_profile_monthly', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_profile_monthly_month')
    op.drop_table('survey_profile_monthly')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_unverified',
            sqlite_where=sa.text('verified_at IS NULL'),
            postgresql_where=sa.text('verified_at IS NULL'))
        batch_op.drop_index('ix_complaints_resolved')
        batch_op.drop_index('ix_complaints_updated')

    with op.batch_alter_table('service_units', schema=None) as batch_op:
        batch_op.drop_index('ix_service_units_kecamatan')

    with op.batch_alter_table('complaint_stage_monthly', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_stage_monthly_month')

    op.drop_table('complaint_stage_monthly')
    with op.batch_alter_table('complaint_monthly', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_monthly_month')

    op.drop_table('complaint_monthly')
