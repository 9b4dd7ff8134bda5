"""The test suite. It runs on one day whatever the day is: this package moves the wall clock to TEST_NOW (it then
ticks on) before any test module or fixture reads it, and every "now" of the app reads the wall clock through
data_access.clock. DASHBOARD_TEST_NOW runs the whole suite on another day (ISO 8601; WIB without an offset)."""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

# A clock set outside (data_access.clock reads DASHBOARD_NOW when imported) would move this process a second time.
os.environ.pop("DASHBOARD_NOW", None)
TEST_NOW = datetime.fromisoformat(os.environ.get("DASHBOARD_TEST_NOW", "2026-11-20T10:00:00"))
if TEST_NOW.tzinfo is None:
    TEST_NOW = TEST_NOW.replace(tzinfo=ZoneInfo("Asia/Jakarta"))
time_machine.travel(TEST_NOW, tick=True).start()
