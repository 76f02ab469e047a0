"""The web app and HTTP API: `create_app(settings, atlas=None)` (FastAPI) and `twinatlas serve`."""
