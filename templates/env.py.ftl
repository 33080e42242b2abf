<#-- migrations/env.py: prints DataLayerView (dev.sqlagen.plan); the sync or the asyncio form. -->
<#list view.envDoc as line>
${line}
</#list>

from __future__ import annotations

<#list view.envImports as line>
${line}
</#list>

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata


def run_migrations_offline() -> None:
    """Write the SQL to standard output instead of running it (--sql)."""
<#if view.asyncMigrations>
    url = async_url()
<#else>
    url = sync_url()
</#if>
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=url.get_backend_name() == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
<#if view.asyncMigrations>


def do_run_migrations(connection: Connection) -> None:
    """Run the migrations on one connection."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite alters tables by copying them: Alembic's batch mode does that.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    """Run the migrations through the asyncio driver."""
    engine = create_async_engine(async_url(), poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


def run_migrations_online() -> None:
    """Run the migrations on a connection to the configured database."""
    asyncio.run(run_async_migrations())
<#else>


def run_migrations_online() -> None:
    """Run the migrations on a connection to the configured database."""
    engine = create_engine(sync_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite alters tables by copying them: Alembic's batch mode does that.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
</#if>


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
