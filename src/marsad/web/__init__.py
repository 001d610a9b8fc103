"""The dashboard's static files (``static/``), served by :mod:`marsad.api.app` at ``/``."""
