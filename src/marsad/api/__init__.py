"""The HTTP API of ``marsad serve`` (Starlette). ``create_app`` is in :mod:`marsad.api.app`;
this package imports nothing on its own so that ``import marsad`` stays cheap."""
