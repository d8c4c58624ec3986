"""Serving the dashboard: N processes behind nginx (``make serve``)."""
