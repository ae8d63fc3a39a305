"""`qiao` console script: each module below registers its commands on `app`."""
from api.cli.main import app
from api.cli import store_cmds  # noqa: F401,E402  (ingest, remove, stats, search, show)
from api.cli import query_cmds  # noqa: F401,E402  (carry, angles, paths, neighbours, partners, serve)
from api.cli import extract_cmds  # noqa: F401,E402  (extract)
from api.cli import export_cmds  # noqa: F401,E402  (export)
from api.cli import bolt_cmds  # noqa: F401,E402  (push, pull)

__all__ = ["app"]
