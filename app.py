"""Entry point: one process serving the dashboard (dashboard.py, run for every page view) and, beside it, the open
data API's routes (components/api.py) and the map's browser files (components/map/assets.py); every answer passes
components/http_security.py (security headers, /_stcore/metrics closed).

    streamlit run app.py       Streamlit finds `app` below and serves both through its own uvicorn
    uvicorn app:app            the same from any ASGI server (then Streamlit's settings come from .streamlit/config.toml
                               and STREAMLIT_* variables, not from command-line flags)
"""

from pathlib import Path

import streamlit as st

from components.api import ROUTES
from components.http_security import MIDDLEWARE
from components.map.assets import ROUTES as MAP_ASSET_ROUTES
from components.server_socket import listening_without_delay

listening_without_delay()

# Absolute, so that an ASGI server started from another folder finds it too.
app = st.App(Path(__file__).resolve().with_name("dashboard.py"), routes=[*ROUTES, *MAP_ASSET_ROUTES],
             middleware=MIDDLEWARE)
