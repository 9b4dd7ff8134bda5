"""The database schema (SQLAlchemy Core). Alembic migrations in data_access/migrations create it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.types import TypeDecorator

from data_access.elements import ELEMENTS, MAX_ANSWER, MIN_ANSWER

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

# Published NRRs are stored in ten-thousandths: at most 4 decimals, as data_access.ikm shows them.
NRR_UNITS = 10_000

# SQLite has no 64-bit autoincrement BIGINT; keep BIGINT on PostgreSQL where tables grow large.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Naive UTC in the database on every backend; aware UTC datetimes in Python."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a timezone first")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


regions = Table(
    "regions",
    metadata,
    Column("code", String(5), primary_key=True),  # 35.14, 35.75
    Column("name", String(80), nullable=False),
    Column("kind", String(10), nullable=False),  # kabupaten | kota
    Column("area_km2", Float, nullable=False),
    Column("population", Integer, nullable=False),
    Column("population_year", SmallInteger, nullable=False),
    Column("centroid_lat", Float, nullable=False),
    Column("centroid_lng", Float, nullable=False),
)

kecamatan = Table(
    "kecamatan",
    metadata,
    Column("code", String(8), primary_key=True),  # 35.14.01
    Column("region_code", String(5), ForeignKey("regions.code"), nullable=False),
    Column("name", String(80), nullable=False),
    Column("centroid_lat", Float, nullable=False),
    Column("centroid_lng", Float, nullable=False),
    Column("population", Integer),  # unknown unless an admin loads it
)

service_units = Table(
    "service_units",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(160), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("region_code", String(5), ForeignKey("regions.code"), nullable=False),
    Column("kecamatan_code", String(8), ForeignKey("kecamatan.code")),
    Column("address", String(240)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("annual_users", Integer),  # service users per year, for the sample-size rule; unknown if null
    Column("active", Boolean, nullable=False, default=True),
    Index("ix_service_units_region_kind", "region_code", "kind"),
    Index("ix_service_units_kecamatan", "kecamatan_code"),
)

survey_responses = Table(
    "survey_responses",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("response_id", String(64), nullable=False, unique=True),
    Column("submitted_at", UTCDateTime, nullable=False),
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("service", String(160)),
    *[
        Column(
            name,
            SmallInteger,
            CheckConstraint(f"{name} BETWEEN {MIN_ANSWER} AND {MAX_ANSWER}", name=f"{name}_range"),
            nullable=False,
        )
        for name in ELEMENTS
    ],
    Column("sex", String(1)),
    Column("age", SmallInteger),
    Column("education", String(20)),
    Column("occupation", String(24)),
    Column("channel", String(20)),
    Column("suggestion", Text),  # private: may hold personal data, never shown unscrubbed
    Column("source", String(10), nullable=False),  # demo | import | form
    Index("ix_survey_responses_unit_time", "unit_id", "submitted_at"),
    Index("ix_survey_responses_time", "submitted_at"),
)

complaints = Table(
    "complaints",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("ticket", String(64), nullable=False, unique=True),
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("classification", String(24), nullable=False),
    Column("category", String(32), nullable=False),
    Column("tier", String(24), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("verified_at", UTCDateTime),
    Column("first_response_at", UTCDateTime),
    Column("resolved_at", UTCDateTime),
    Column("status", String(20), nullable=False),
    Column("description", Text),  # private: may hold names, NIK, phone numbers; never shown unscrubbed
    Column("source", String(10), nullable=False),  # demo | import | open311
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_complaints_unit_received", "unit_id", "received_at"),
    Index("ix_complaints_received", "received_at"),
    Index("ix_complaints_status", "status"),
    Index("ix_complaints_resolved", "resolved_at"),
    Index("ix_complaints_updated", "updated_at"),  # MAX(updated_at) is part of the data-version watermark
    # Unverified complaints outside the open statuses are rare; this keeps finding them cheap (complaint_rollups).
    Index("ix_complaints_unverified", "status", sqlite_where=text("verified_at IS NULL"),
          postgresql_where=text("verified_at IS NULL")),
)

complaint_status_history = Table(
    "complaint_status_history",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("complaint_id", BigId, ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(20), nullable=False),
    Column("changed_at", UTCDateTime, nullable=False),
    UniqueConstraint("complaint_id", "status", "changed_at", name="uq_status_history_event"),
    Index("ix_complaint_status_history_complaint", "complaint_id"),
)

ombudsman_scores = Table(
    "ombudsman_scores",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(80), nullable=False),
    Column("region_code", String(5), ForeignKey("regions.code")),  # null for peers outside Pasuruan
    Column("year", SmallInteger, nullable=False),
    Column("score", Float, nullable=False),
    Column("note", String(240)),
    Column("source", String(240), nullable=False),
    UniqueConstraint("entity", "year", name="uq_ombudsman_entity_year"),
)

# Published SKM results (DOMAIN.md §1.8): a unit's respondents and nine NRRs for one survey period, where the
# questionnaires themselves were never loaded. Each NRR is held in ten-thousandths (3.2451 -> 32451), so an element's
# sum of answers, NRR x respondents, is an exact integer of ten-thousandths and pools exactly with questionnaires.
# No period of a unit overlaps another summary of it or its questionnaires (importers/skm_summaries.py enforces that).
skm_summaries = Table(
    "skm_summaries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("period_start", Date, nullable=False),  # WIB dates, both inclusive
    Column("period_end", Date, nullable=False),
    Column("respondents", Integer, CheckConstraint("respondents >= 1", name="respondents_positive"), nullable=False),
    *[
        Column(
            f"nrr_{name}",
            Integer,
            CheckConstraint(f"nrr_{name} BETWEEN {MIN_ANSWER * NRR_UNITS} AND {MAX_ANSWER * NRR_UNITS}",
                            name=f"nrr_{name}_range"),
            nullable=False,
        )
        for name in ELEMENTS
    ],
    CheckConstraint("period_start <= period_end", name="period_order"),
    UniqueConstraint("unit_id", "period_start", "period_end", name="uq_skm_summaries_period"),
    Index("ix_skm_summaries_period_end", "period_end"),
)

# Per unit per WIB day sums of questionnaires: pages read these, so their cost does not grow with raw rows.
# Kept in step by rollups.refresh_survey_rollups in the same transaction as every write of questionnaires.
survey_daily = Table(
    "survey_daily",
    metadata,
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("day", Date, nullable=False),
    Column("respondents", Integer, nullable=False),
    *[Column(name, Integer, nullable=False) for name in ELEMENTS],
    Column("total_squares", BigInteger, nullable=False),  # sum of (a respondent's nine answers added up)^2
    PrimaryKeyConstraint("unit_id", "day"),
    Index("ix_survey_daily_day", "day"),
)

# Respondent profile counts per unit per WIB month and dimension (sex, age_group, education, occupation, channel):
# monthly, because a day per unit would hold a row per respondent's answer once a unit is busy; the profile is only
# shown for whole months (the periods a page offers).
survey_profile_monthly = Table(
    "survey_profile_monthly",
    metadata,
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("month", Date, nullable=False),  # first day of the WIB month
    Column("dimension", String(12), nullable=False),
    Column("value", String(24), nullable=False),  # "" when the respondent left it empty
    Column("respondents", Integer, nullable=False),
    PrimaryKeyConstraint("unit_id", "month", "dimension", "value"),
    Index("ix_survey_profile_monthly_month", "month"),
)

# Complaints per unit per WIB month of receipt, counted once per dimension (status — the current one — tier,
# channel, classification, category): every count a page shows is over one dimension, and a month per unit holds
# at most a few dozen rows however many complaints arrive, so pages read the same amount as the years pile up.
complaint_monthly = Table(
    "complaint_monthly",
    metadata,
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("month", Date, nullable=False),  # first day of the WIB month of receipt
    Column("dimension", String(16), nullable=False),
    Column("value", String(32), nullable=False),
    Column("complaints", Integer, nullable=False),
    PrimaryKeyConstraint("unit_id", "month", "dimension", "value"),
    Index("ix_complaint_monthly_month", "month"),
)

# Finished stage clocks per unit per WIB month of receipt: how many complaints took how many working days, counted
# with cuti bersama as days off (workdays) and as working days (workdays_cuti_kerja), so CUTI_BERSAMA_LIBUR can
# change without a rebuild. Stages still running are read from the complaints themselves.
complaint_stage_monthly = Table(
    "complaint_stage_monthly",
    metadata,
    Column("unit_id", Integer, ForeignKey("service_units.id"), nullable=False),
    Column("month", Date, nullable=False),
    Column("stage", String(16), nullable=False),
    Column("tier", String(24), nullable=False),
    Column("workdays", Integer, nullable=False),
    Column("workdays_cuti_kerja", Integer, nullable=False),
    Column("complaints", Integer, nullable=False),
    PrimaryKeyConstraint("unit_id", "month", "stage", "tier", "workdays", "workdays_cuti_kerja"),
    Index("ix_complaint_stage_monthly_month", "month"),
)

# When each kind of data was last loaded or changed: part of the data-version watermark, and the service units'
# "data per ... WIB" (the other sources' is read from their own rows: overview.data_freshness).
data_sources = Table(
    "data_sources",
    metadata,
    Column("source", String(20), primary_key=True),  # units | surveys | complaints | ombudsman
    Column("updated_at", UTCDateTime, nullable=False),
    Column("detail", String(240)),
)

# Small facts about the database itself, e.g. whether it holds demo data.
app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(240), nullable=False),
)
