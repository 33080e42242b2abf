<#-- database.py: prints DataLayerView (dev.sqlagen.plan). -->
<#list view.databaseDoc as line>
${line}
</#list>

from __future__ import annotations

import os
<#if view.schemas?has_content>
from typing import Any
</#if>

from sqlalchemy.engine import URL, make_url

DATABASE_URL_VARIABLE = "${view.urlVariable}"
DEFAULT_DATABASE_URL = "${view.defaultUrl}"
<#if view.schemas?has_content>

# The PostgreSQL schemas of the models (@@schema).
<#list view.schemas as line>
${line}
</#list>
</#if>

_SYNC_DRIVERS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}
_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}


def database_url() -> str:
    """The URL as configured: the environment variable, or the default."""
    return os.environ.get(DATABASE_URL_VARIABLE) or DEFAULT_DATABASE_URL


def sync_url(url: str | None = None) -> URL:
    """The URL with the synchronous driver of its database."""
    return _with_driver(url or database_url(), _SYNC_DRIVERS)


def async_url(url: str | None = None) -> URL:
    """The URL with the asyncio driver of its database."""
    return _with_driver(url or database_url(), _ASYNC_DRIVERS)


def _with_driver(url: str, drivers: dict[str, str]) -> URL:
    parsed = make_url(url)
    driver = drivers.get(parsed.get_backend_name())
    return parsed.set(drivername=driver) if driver else parsed
<#if view.schemas?has_content>


def execution_options(url: URL) -> dict[str, Any]:
    """Engine options for ``url``. SQLite has no schemas: there, the tables of
    every schema live in the main database.
    """
    if url.get_backend_name() == "sqlite":
        return {"schema_translate_map": dict.fromkeys(SCHEMAS)}
    return {}
</#if>
