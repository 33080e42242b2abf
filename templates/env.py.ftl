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
<#if view.notComparedOnSqlite?has_content>

# What SQLite cannot report as declared, so autogenerate does not compare it
# there: indexes with a descending column (SQLite does not report the order),
# and foreign keys between schemas (left out on SQLite, which has no schemas).
<#list view.notComparedOnSqlite as line>
${line}
</#list>
</#if>


def load_env_hooks() -> ModuleType | None:
    """migrations/env_hooks.py, yours to write: sqlagen never writes or deletes it.

    Its include_object() and include_name(), where it defines them, narrow what
    autogenerate compares (alembic check, alembic revision --autogenerate): an
    object is compared only if both they and this environment include it.
    """
    path = Path(__file__).with_name("env_hooks.py")
    if not path.is_file():
        return None
    spec = spec_from_file_location("env_hooks", path)
    if spec is None or spec.loader is None:
        raise CommandError(f"cannot load {path}")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


env_hooks = load_env_hooks()


def compare_options(dialect_name: str) -> dict[str, Any]:
    """How autogenerate compares the models with a database of this kind."""
<#if view.schemas?has_content || view.notComparedOnSqlite?has_content>
    if dialect_name == "sqlite":
        return {
<#if view.schemas?has_content>
            "target_metadata": without_schemas(),
<#else>
            "target_metadata": target_metadata,
</#if>
<#if view.notComparedOnSqlite?has_content>
            "include_object": include_on_sqlite,
<#else>
            "include_object": include_object,
</#if>
            "include_name": include_name,
        }
</#if>
    return {
        "target_metadata": target_metadata,
<#if view.schemas?has_content>
        "include_schemas": True,
</#if>
        "include_object": include_object,
        "include_name": include_name,
    }


def include_object(
    object_: SchemaItem,
    name: str | None,
    type_: str,
    reflected: bool,
    compare_to: SchemaItem | None,
) -> bool:
    """What env_hooks.include_object() includes (everything, without one)."""
    hook = getattr(env_hooks, "include_object", None)
    return hook is None or bool(hook(object_, name, type_, reflected, compare_to))


def include_name(
    name: str | None, type_: str, parent_names: Mapping[str, str | None]
) -> bool:
<#if view.schemas?has_content>
    """Compare the default schema and the models' own (SCHEMAS), no other; and
    what env_hooks.include_name() includes.
    """
    if type_ == "schema" and name is not None and name not in SCHEMAS:
        return False
<#else>
    """What env_hooks.include_name() includes (everything, without one)."""
</#if>
    hook = getattr(env_hooks, "include_name", None)
    return hook is None or bool(hook(name, type_, parent_names))
<#if view.schemas?has_content>


def without_schemas() -> MetaData:
    """The tables as SQLite holds them: all in the main database (see database.py)."""
    metadata = MetaData(naming_convention=target_metadata.naming_convention)
    for table in target_metadata.sorted_tables:
        # None (the table) and BLANK_SCHEMA (what it references) mean no schema,
        # as to_metadata() documents; its type hints admit only names.
        table.to_metadata(
            metadata,
            schema=None,  # type: ignore[arg-type]
            referred_schema_fn=_main_database,
        )
    return metadata


def _main_database(
    table: Table,
    to_schema: str | None,
    constraint: ForeignKeyConstraint,
    referred_schema: str | None,
) -> Any:
    return BLANK_SCHEMA
</#if>
<#if view.notComparedOnSqlite?has_content>


def include_on_sqlite(
    object_: SchemaItem,
    name: str | None,
    type_: str,
    reflected: bool,
    compare_to: SchemaItem | None,
) -> bool:
    """Leave out what SQLite cannot report as declared; then as include_object()."""
    kinds = ("index", "foreign_key_constraint")
    if type_ in kinds and name in NOT_COMPARED_ON_SQLITE:
        return False
    return include_object(object_, name, type_, reflected, compare_to)
</#if>


def sqlite_transactions(engine: Engine) -> None:
    """Give migrations on SQLite real transactions, with foreign keys off.

    The sqlite3 and aiosqlite drivers emit no BEGIN before DDL, so a revision
    that failed half-way would stay half done (batch mode's _alembic_tmp_ table
    left behind). And batch mode rebuilds a table by dropping it, which with
    foreign keys on deletes the rows that reference it (ON DELETE CASCADE):
    they are off while migrating, and check_foreign_keys() checks each revision.
    """
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)


def _sqlite_connect(dbapi_connection: Any, _connection_record: Any) -> None:
    # No BEGIN from the driver (_sqlite_begin emits it), and foreign keys off
    # now: PRAGMA foreign_keys does nothing inside a transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def check_foreign_keys(
    ctx: MigrationContext,
    step: MigrationInfo,
    heads: Collection[Any],
    run_args: Mapping[str, Any],
) -> None:
    """Fail a revision that leaves a row referencing no row (on SQLite).

    Alembic calls this after each revision, inside the revision's transaction:
    raising rolls the revision back.
    """
    if ctx.connection is None or step.is_stamp:
        return
    # One row per broken reference: table, rowid, parent table, foreign key.
    rows = ctx.connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if rows:
        broken = "; ".join(
            f"{table} row {rowid} references no {parent} row"
            for table, rowid, parent, _ in rows[:10]
        )
        more = f" (and {len(rows) - 10} more)" if len(rows) > 10 else ""
        action = "upgrade" if step.is_upgrade else "downgrade"
        raise CommandError(
            f"{action} {step.up_revision_id} rolled back, it breaks foreign keys "
            f"(PRAGMA foreign_key_check): {broken}{more}"
        )


def run_migrations_offline() -> None:
    """Write the SQL to standard output instead of running it (--sql)."""
<#if view.asyncMigrations>
    url = async_url()
<#else>
    url = sync_url()
</#if>
    sqlite = url.get_backend_name() == "sqlite"
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        # As online (do_run_migrations): BEGIN and COMMIT around each revision.
        render_as_batch=sqlite,
        transactional_ddl=True if sqlite else None,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection: Connection) -> None:
    """Run the migrations on one connection, each revision in a transaction."""
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        # SQLite alters tables by copying them: Alembic's batch mode does that.
        render_as_batch=sqlite,
        # Alembic takes SQLite's DDL for non-transactional; with the BEGIN of
        # sqlite_transactions(), it is.
        transactional_ddl=True if sqlite else None,
        # A revision that fails leaves the database at the one before, and
        # autocommit_block() (PostgreSQL's ALTER TYPE ... ADD VALUE) commits
        # only the work of its own revision.
        transaction_per_migration=True,
        on_version_apply=check_foreign_keys if sqlite else None,
        **compare_options(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()
<#if view.asyncMigrations>


async def run_async_migrations() -> None:
    """Run the migrations through the asyncio driver."""
<#if view.schemas?has_content>
    url = async_url()
    engine = create_async_engine(
        url, poolclass=pool.NullPool, execution_options=execution_options(url)
    )
<#else>
    engine = create_async_engine(async_url(), poolclass=pool.NullPool)
</#if>
    if engine.dialect.name == "sqlite":
        sqlite_transactions(engine.sync_engine)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


def run_migrations_online() -> None:
    """Run the migrations on a connection to the configured database."""
    asyncio.run(run_async_migrations())
<#else>


def run_migrations_online() -> None:
    """Run the migrations on a connection to the configured database."""
<#if view.schemas?has_content>
    url = sync_url()
    engine = create_engine(
        url, poolclass=pool.NullPool, execution_options=execution_options(url)
    )
<#else>
    engine = create_engine(sync_url(), poolclass=pool.NullPool)
</#if>
    if engine.dialect.name == "sqlite":
        sqlite_transactions(engine)
    with engine.connect() as connection:
        do_run_migrations(connection)
    engine.dispose()
</#if>


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
