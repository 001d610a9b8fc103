"""``marsad serve``: the HTTP API and the Arabic dashboard over a corpus database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from marsad.errors import ConfigError
from marsad.settings import load_settings

HELP = "serve the HTTP API and the right-to-left Arabic dashboard over a corpus database"

DESCRIPTION = """\
Serve the corpus in --db over HTTP: the dashboard at /, the API under /api/ and its
description at /openapi.json. Nothing is fetched from the network: every script, style and
map ships with Marsad.

The server is read-only unless it is started with a write token (--token, or the
MARSAD_TOKEN environment variable): then POST /api/ingest stores articles for requests that
send 'Authorization: Bearer TOKEN'. POST /api/analyze (analyse without storing) is always on.
Bind to 127.0.0.1 (the default) unless you mean to expose the corpus to your network.
The server answers only requests addressed to localhost, 127.0.0.1, ::1 and the --host
address (a guard against DNS rebinding by web pages open in your browser); add the names it
is reached by on a network with --allow-host (repeatable; '*' turns the check off).
"""

EPILOG = """\
examples:
  marsad ingest examples/ --db marsad.db && marsad serve --db marsad.db
  MARSAD_TOKEN=$(openssl rand -hex 16) marsad serve --db marsad.db --port 8080
  marsad serve --db marsad.db --host 0.0.0.0 --allow-host marsad.example.org
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve",
        help=HELP,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", help="corpus database (default: marsad.db, or MARSAD_DB)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument(
        "--token",
        help="enable writes (POST /api/ingest) for this bearer token (default: MARSAD_TOKEN)",
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests for this host name (repeatable; '*' for any)",
    )
    p.add_argument("--config", help="settings file (TOML)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.api.app import create_app

    settings = load_settings(args.config, overrides={"db": args.db})
    token = args.token if args.token is not None else os.environ.get("MARSAD_TOKEN")
    if token is not None and not token.strip():
        raise ConfigError("the write token is empty; leave it out for a read-only server")
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port must be 0-65535, got {args.port}")
    db = Path(settings.db)
    if token is None and not db.is_file():
        raise ConfigError(
            f"no database at {db}: run 'marsad ingest INPUT --db {db}' first "
            "(or start with --token to create it and ingest through the API)"
        )
    if token is not None and not db.is_file():
        from marsad.store.repository import Repository

        Repository(db).close()  # creates the file with its schema
    from marsad.api.requests import LOCAL_HOSTS

    hosts = (*LOCAL_HOSTS, args.host, *args.allow_host)
    app = create_app(settings, token=token, hosts=hosts)
    mode = "writable (token required)" if token else "read-only"
    print(
        f"marsad: serving {db} ({mode}) at http://{args.host}:{args.port}/  (Ctrl-C stops)",
        file=sys.stderr,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
