package dev.sqlagen.plan;

import java.util.List;

/**
 * What the templates of database.py, session.py, alembic.ini and migrations/env.py print.
 *
 * @param packageName the generated package, as env.py imports it
 * @param urlVariable the environment variable holding the database URL
 * @param defaultUrl the URL used when the variable is not set
 * @param sync whether session.py has the sync engine and {@code SessionLocal}
 * @param async whether session.py has the async engine and {@code AsyncSessionLocal}
 * @param asyncMigrations whether env.py runs migrations through the asyncio driver
 * @param databaseDoc database.py's docstring lines
 * @param sessionDoc session.py's docstring lines
 * @param sessionImports session.py's import block, local import last
 * @param envDoc env.py's docstring lines
 * @param envImports env.py's import block
 * @param iniHeader alembic.ini's leading comment lines
 * @param schemas the {@code SCHEMAS} statement naming the models' PostgreSQL schemas (empty: none)
 * @param notComparedOnSqlite the {@code NOT_COMPARED_ON_SQLITE} statement naming the indexes and
 *     foreign keys that SQLite cannot report as declared (empty: none)
 */
public record DataLayerView(
    String packageName,
    String urlVariable,
    String defaultUrl,
    boolean sync,
    boolean async,
    boolean asyncMigrations,
    List<String> databaseDoc,
    List<String> sessionDoc,
    List<String> sessionImports,
    List<String> envDoc,
    List<String> envImports,
    List<String> iniHeader,
    List<String> schemas,
    List<String> notComparedOnSqlite) {
  public DataLayerView {
    schemas = List.copyOf(schemas);
    notComparedOnSqlite = List.copyOf(notComparedOnSqlite);
    databaseDoc = List.copyOf(databaseDoc);
    sessionDoc = List.copyOf(sessionDoc);
    sessionImports = List.copyOf(sessionImports);
    envDoc = List.copyOf(envDoc);
    envImports = List.copyOf(envImports);
    iniHeader = List.copyOf(iniHeader);
  }
}
