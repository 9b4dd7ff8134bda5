"""Unit (?unit=CODE): one service unit's report card — IKM now with respondents and sample adequacy (live: it
refreshes by itself), the elements against the grade bands, the trend, complaint handling as perceived and as
measured, and where the unit is."""

from components import ikm_views as section
from components.errors import database_guard

with database_guard():
    unit = section.requested_unit()
    if unit:
        section.unit_header(unit)
        current = section.live_unit_now(unit)
        if current:
            section.unit_elements(unit, current)
            section.unit_trend(unit)
            section.unit_perception(unit, current)
        section.unit_location(unit)
