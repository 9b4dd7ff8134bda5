"""initial schema

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

import data_access.schema

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=240), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('data_sources',
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('updated_at', data_access.schema.UTCDateTime(), nullable=False),
    sa.Column('detail', sa.String(length=240), nullable=True),
    sa.PrimaryKeyConstraint('source', name=op.f('pk_data_sources'))
    )
    op.create_table('regions',
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('area_km2', sa.Float(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=False),
    sa.Column('population_year', sa.SmallInteger(), nullable=False),
    sa.Column('centroid_lat', sa.Float(), nullable=False),
    sa.Column('centroid_lng', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_regions'))
    )
    op.create_table('kecamatan',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('region_code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('centroid_lat', sa.Float(), nullable=False),
    sa.Column('centroid_lng', sa.Float(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['region_code'], ['regions.code'], name=op.f('fk_kecamatan_region_code_regions')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_kecamatan'))
    )
    op.create_table('ombudsman_scores',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=80), nullable=False),
    sa.Column('region_code', sa.String(length=5), nullable=True),
    sa.Column('year', sa.SmallInteger(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('note', sa.String(length=240), nullable=True),
    sa.Column('source', sa.String(length=240), nullable=False),
    sa.ForeignKeyConstraint(['region_code'], ['regions.code'], name=op.f('fk_ombudsman_scores_region_code_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ombudsman_scores')),
    sa.UniqueConstraint('entity', 'year', name='uq_ombudsman_entity_year')
    )
    op.create_table('service_units',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('region_code', sa.String(length=5), nullable=False),
    sa.Column('kecamatan_code', sa.String(length=8), nullable=True),
    sa.Column('address', sa.String(length=240), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('annual_users', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['kecamatan_code'], ['kecamatan.code'],
        name=op.f('fk_service_units_kecamatan_code_kecamatan')),
    sa.ForeignKeyConstraint(['region_code'], ['regions.code'], name=op.f('fk_service_units_region_code_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_units')),
    sa.UniqueConstraint('code', name=op.f('uq_service_units_code'))
    )
    with op.batch_alter_table('service_units', schema=None) as batch_op:
        batch_op.create_index('ix_service_units_region_kind', ['region_code', 'kind'], unique=False)

    op.create_table('complaints',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ticket', sa.String(length=64), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('classification', sa.String(length=24), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('tier', sa.String(length=24), nullable=False),
    sa.Column('received_at', data_access.schema.UTCDateTime(), nullable=False),
    sa.Column('verified_at', data_access.schema.UTCDateTime(), nullable=True),
    sa.Column('first_response_at', data_access.schema.UTCDateTime(), nullable=True),
    sa.Column('resolved_at', data_access.schema.UTCDateTime(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('updated_at', data_access.schema.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'], name=op.f('fk_complaints_unit_id_service_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sa.UniqueConstraint('ticket', name=op.f('uq_complaints_ticket'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_received', ['received_at'], unique=False)
        batch_op.create_index('ix_complaints_status', ['status'], unique=False)
        batch_op.create_index('ix_complaints_unit_received', ['unit_id', 'received_at'], unique=False)

    op.create_table('survey_responses',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('response_id', sa.String(length=64), nullable=False),
    sa.Column('submitted_at', data_access.schema.UTCDateTime(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('service', sa.String(length=160), nullable=True),
    sa.Column('persyaratan', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('persyaratan BETWEEN 1 AND 4', name=op.f('ck_survey_responses_persyaratan_range')),
    sa.Column('prosedur', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('prosedur BETWEEN 1 AND 4', name=op.f('ck_survey_responses_prosedur_range')),
    sa.Column('waktu', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('waktu BETWEEN 1 AND 4', name=op.f('ck_survey_responses_waktu_range')),
    sa.Column('biaya', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('biaya BETWEEN 1 AND 4', name=op.f('ck_survey_responses_biaya_range')),
    sa.Column('produk', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('produk BETWEEN 1 AND 4', name=op.f('ck_survey_responses_produk_range')),
    sa.Column('kompetensi', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('kompetensi BETWEEN 1 AND 4', name=op.f('ck_survey_responses_kompetensi_range')),
    sa.Column('perilaku', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('perilaku BETWEEN 1 AND 4', name=op.f('ck_survey_responses_perilaku_range')),
    sa.Column('pengaduan', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('pengaduan BETWEEN 1 AND 4', name=op.f('ck_survey_responses_pengaduan_range')),
    sa.Column('sarana', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('sarana BETWEEN 1 AND 4', name=op.f('ck_survey_responses_sarana_range')),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('age', sa.SmallInteger(), nullable=True),
    sa.Column('education', sa.String(length=20), nullable=True),
    sa.Column('occupation', sa.String(length=24), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=True),
    sa.Column('suggestion', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['service_units.id'], name=op.f('fk_survey_responses_unit_id_service_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    sa.UniqueConstraint('response_id', name=op.f('uq_survey_responses_response_id'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index('ix_survey_responses_time', ['submitted_at'], unique=False)
        batch_op.create_index('ix_survey_responses_unit_time', ['unit_id', 'submitted_at'], unique=False)

    op.create_table('complaint_status_history',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('complaint_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('changed_at', data_access.schema.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'],
        name=op.f('fk_complaint_status_history_complaint_id_complaints'),
        ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_status_history')),
    sa.UniqueConstraint('complaint_id', 'status', 'changed_at', name='uq_status_history_event')
    )
    with op.batch_alter_table('complaint_status_history', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_status_history_complaint', ['complaint_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('complaint_status_history', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_status_history_complaint')

    op.drop_table('complaint_status_history')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_responses_unit_time')
        batch_op.drop_index('ix_survey_responses_time')

    op.drop_table('survey_responses')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_unit_received')
        batch_op.drop_index('ix_complaints_status')
        batch_op.drop_index('ix_complaints_received')

    op.drop_table('complaints')
    with op.batch_alter_table('service_units', schema=None) as batch_op:
        batch_op.drop_index('ix_service_units_region_kind')

    op.drop_table('service_units')
    op.drop_table('ombudsman_scores')
    op.drop_table('kecamatan')
    op.drop_table('regions')
    op.drop_table('data_sources')
    op.drop_table('app_meta')
