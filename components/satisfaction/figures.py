"""Cached IKM figures for the Kepuasan and unit pages: data_access queries wrapped by components.data.cached_figure,
keyed by the data-version watermark and the arguments (Filters is a frozen dataclass, so it is part of the key)."""

from __future__ import annotations

from components.data import cached_figure
from data_access import ikm_queries, perception

summary = cached_figure(ikm_queries.ikm_summary)
by_region = cached_figure(ikm_queries.ikm_by_region)
by_unit = cached_figure(ikm_queries.ikm_by_unit)
trend = cached_figure(ikm_queries.ikm_trend)
profile = cached_figure(ikm_queries.respondent_profile)
unit_detail = cached_figure(ikm_queries.unit_detail)
# The graded and the running quarter move with the calendar.
unit_current = cached_figure(ikm_queries.unit_current, ages_with_calendar=True)
summary_periods = cached_figure(ikm_queries.summary_periods)
# Open complaints' waiting times grow with the calendar, not only with the data.
perception_by_unit = cached_figure(perception.perception_by_unit, ages_with_calendar=True)
