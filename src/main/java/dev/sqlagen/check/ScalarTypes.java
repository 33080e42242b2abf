package dev.sqlagen.check;

import dev.sqlagen.resolved.ColumnType.Kind;
import java.util.Map;
import java.util.Set;

/** The built-in type names of the language and the column kinds they stand for. */
final class ScalarTypes {
  static final Map<String, Kind> KINDS =
      Map.ofEntries(
          Map.entry("int", Kind.INT),
          Map.entry("bigint", Kind.BIGINT),
          Map.entry("smallint", Kind.SMALLINT),
          Map.entry("string", Kind.STRING),
          Map.entry("text", Kind.TEXT),
          Map.entry("bool", Kind.BOOL),
          Map.entry("float", Kind.FLOAT),
          Map.entry("real", Kind.REAL),
          Map.entry("decimal", Kind.DECIMAL),
          Map.entry("date", Kind.DATE),
          Map.entry("datetime", Kind.DATETIME),
          Map.entry("time", Kind.TIME),
          Map.entry("interval", Kind.INTERVAL),
          Map.entry("uuid", Kind.UUID),
          Map.entry("json", Kind.JSON),
          Map.entry("jsonb", Kind.JSONB),
          Map.entry("bytes", Kind.BYTES),
          Map.entry("char", Kind.CHAR),
          Map.entry("varchar", Kind.VARCHAR),
          Map.entry("inet", Kind.INET),
          Map.entry("cidr", Kind.CIDR),
          Map.entry("tsvector", Kind.TSVECTOR),
          Map.entry("citext", Kind.CITEXT));

  static final Set<String> NAMES = KINDS.keySet();

  /**
   * A built-in that a common SQL, Python or Prisma spelling (lower case) stands for, and what it
   * is in the database, so that a "did you mean" never changes a column's type unsaid.
   *
   * @param type the built-in to write; "string" and "decimal" take the arguments written
   * @param means what that built-in is, said with the suggestion
   */
  record Alias(String type, String means) {}

  static final Map<String, Alias> ALIASES =
      Map.ofEntries(
          Map.entry("nvarchar", new Alias("string", "VARCHAR(n); write varchar for a VARCHAR without a length")),
          Map.entry("character", new Alias("char", "CHAR(n), fixed length")),
          Map.entry("bpchar", new Alias("char", "CHAR(n), fixed length")),
          Map.entry("str", new Alias("string", "VARCHAR(n); text is unbounded")),
          Map.entry("integer", new Alias("int", "INTEGER, 32-bit")),
          Map.entry("int4", new Alias("int", "INTEGER, 32-bit")),
          Map.entry("serial", new Alias("int", "INTEGER; a single int @pk auto-increments (SERIAL on PostgreSQL)")),
          Map.entry("int8", new Alias("bigint", "BIGINT, 64-bit")),
          Map.entry("long", new Alias("bigint", "BIGINT, 64-bit")),
          Map.entry("bigserial", new Alias("bigint", "BIGINT; a single bigint @pk auto-increments (BIGSERIAL on PostgreSQL)")),
          Map.entry("int2", new Alias("smallint", "SMALLINT, 16-bit")),
          Map.entry("boolean", new Alias("bool", "BOOLEAN")),
          Map.entry("timestamp", new Alias("datetime", "TIMESTAMP WITHOUT TIME ZONE; datetime(tz) has one")),
          Map.entry("timestamptz", new Alias("datetime(tz)", "TIMESTAMP WITH TIME ZONE")),
          Map.entry("double", new Alias("float", "DOUBLE PRECISION (float8); real is float4")),
          Map.entry("float8", new Alias("float", "DOUBLE PRECISION (float8)")),
          Map.entry("float4", new Alias("real", "REAL (float4)")),
          Map.entry("numeric", new Alias("decimal", "NUMERIC(precision, scale), or NUMERIC without them")),
          Map.entry("number", new Alias("decimal", "NUMERIC(precision, scale), or NUMERIC without them")),
          Map.entry("blob", new Alias("bytes", "BYTEA on PostgreSQL, BLOB on SQLite")),
          Map.entry("bytea", new Alias("bytes", "BYTEA on PostgreSQL, BLOB on SQLite")),
          Map.entry("binary", new Alias("bytes", "BYTEA on PostgreSQL, BLOB on SQLite")),
          Map.entry("varbinary", new Alias("bytes", "BYTEA on PostgreSQL, BLOB on SQLite")),
          Map.entry("bytearray", new Alias("bytes", "BYTEA on PostgreSQL, BLOB on SQLite")),
          Map.entry("dict", new Alias("json", "JSON; jsonb is JSONB on PostgreSQL")),
          Map.entry("clob", new Alias("text", "TEXT")),
          Map.entry("longtext", new Alias("text", "TEXT")),
          Map.entry("guid", new Alias("uuid", "UUID")),
          Map.entry("uniqueidentifier", new Alias("uuid", "UUID")),
          Map.entry("timedelta", new Alias("interval", "INTERVAL")));

  private ScalarTypes() {}
}
