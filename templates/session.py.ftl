<#-- session.py: prints DataLayerView (dev.sqlagen.plan). -->
<#list view.sessionDoc as line>
${line}
</#list>

from __future__ import annotations

<#list view.sessionImports as line>
${line}
</#list>


def _foreign_keys_on(dbapi_connection: Any, _connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def enable_sqlite_foreign_keys(engine: Engine) -> None:
    """SQLite enforces foreign keys only on connections that ask for it."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _foreign_keys_on)
<#if view.syncEngine?has_content || view.asyncEngine?has_content>


def _driver_options(backend: str) -> dict[str, Any]:
    """inet and cidr values are str, as the models say: psycopg and asyncpg would
    return ipaddress objects without native_inet_types=False.
    """
    return {"native_inet_types": False} if backend == "postgresql" else {}
</#if>
<#if view.sync>


<#if view.syncEngine?has_content>
<#list view.syncEngine as line>
${line}
</#list>
<#elseif view.schemas?has_content>
engine: Engine = create_engine(
    sync_url(), execution_options=execution_options(sync_url())
)
<#else>
engine: Engine = create_engine(sync_url())
</#if>
enable_sqlite_foreign_keys(engine)
SessionLocal = sessionmaker(engine)
</#if>
<#if view.async>
<#if view.sync>

<#else>


</#if>
<#if view.asyncEngine?has_content>
<#list view.asyncEngine as line>
${line}
</#list>
<#elseif view.schemas?has_content>
async_engine: AsyncEngine = create_async_engine(
    async_url(), execution_options=execution_options(async_url())
)
<#else>
async_engine: AsyncEngine = create_async_engine(async_url())
</#if>
enable_sqlite_foreign_keys(async_engine.sync_engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)
</#if>
