"""The columns each kind of import reads, as docs/formats.md lists them for admins.

A file's other columns are ignored; an optional column the file lacks leaves what is stored as it is.
"""

from __future__ import annotations

from data_access.elements import ELEMENTS

UNIT_COLUMNS = ("unit_code", "name", "kind", "region_code", "kecamatan_code", "address", "latitude", "longitude")
UNIT_OPTIONAL = ("annual_users",)
PROFILE_COLUMNS = ("sex", "age", "education", "occupation", "channel")
SURVEY_COLUMNS = ("response_id", "submitted_at", "unit_code", "service", *ELEMENTS, *PROFILE_COLUMNS)
SURVEY_OPTIONAL = ("suggestion",)
STAGES = ("received_at", "verified_at", "first_response_at", "resolved_at")
COMPLAINT_COLUMNS = ("ticket", "unit_code", "channel", "classification", "category", "tier", *STAGES, "status",
                     "description")
# Published SKM results: the nine elements' columns hold each element's NRR.
SUMMARY_COLUMNS = ("unit_code", "period_start", "period_end", "respondents", *ELEMENTS)
# GeoReport v2 field behind each complaint column (docs/formats.md, "Open311").
OPEN311_FIELDS = {
    "ticket": "service_request_id",
    "unit_code": "agency_responsible",
    "category": "service_code",
    "status": "status",
    "received_at": "requested_datetime",
    "resolved_at": "updated_datetime",
    "description": "description",
    "channel": "extended_attributes.channel",
    "classification": "extended_attributes.classification",
    "tier": "extended_attributes.tier",
}

# Their values may hold names, NIK or phone numbers, so problems never quote them.
PRIVATE_COLUMNS = frozenset({"description", "suggestion"})
