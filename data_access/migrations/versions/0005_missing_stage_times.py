"""complaint_stage_monthly recomputed under the missing-stage-times rule (DOMAIN.md §2.2): stages a later stage's
time ended are stored at complaint_stats.NO_TIME working days, closed complaints without stage times leave the clocks

Revision ID: 0005
Revises: 0004
"""

from alembic import op
from sqlalchemy import delete

from data_access import schema
from data_access.complaint_rollups import rebuild_complaint_rollups
from data_access.complaint_stats import NO_TIME

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No schema change, but the stored histograms follow the old rule: pages would read stale figures.
    rebuild_complaint_rollups(op.get_bind())


def downgrade() -> None:
    # The old code would read NO_TIME rows as -1 working days; its own `rollups` command rebuilds the rest.
    op.get_bind().execute(delete(schema.complaint_stage_monthly)
                          .where(schema.complaint_stage_monthly.c.workdays == NO_TIME))
