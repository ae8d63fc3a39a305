"""The web app: static files under api/web/, served by `qiao serve` with no build step.

The browser gets every byte from here (vendored d3-geo, topojson-client and the
world-atlas country shapes), so the app works on a closed network. The one dynamic
route is the country table: the TopoJSON names countries by ISO 3166 numeric code
in English only, while the graph names them by alpha-2 in Chinese or English, and
pycountry already knows both.
"""
from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

import pycountry
from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

WEB_DIR = Path(__file__).resolve().parents[1] / "web"

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html", media_type="text/html")


@router.get("/web/countries.json")
def countries() -> dict[str, dict[str, str]]:
    """ISO numeric code → alpha-2 and names in English and Chinese."""
    return _country_table()


@cache
def _country_table() -> dict[str, dict[str, str]]:
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    return {
        c.numeric: {
            "iso2": c.alpha_2,
            "en": getattr(c, "common_name", None) or c.name,
            "zh": zh.gettext(c.name),
        }
        for c in pycountry.countries
    }


def install(app: FastAPI) -> None:
    """Add the app's page, its country table and its static files to an API app."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="web")
