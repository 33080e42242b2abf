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
          Map.entry("decimal", Kind.DECIMAL),
          Map.entry("date", Kind.DATE),
          Map.entry("datetime", Kind.DATETIME),
          Map.entry("time", Kind.TIME),
          Map.entry("interval", Kind.INTERVAL),
          Map.entry("uuid", Kind.UUID),
          Map.entry("json", Kind.JSON),
          Map.entry("bytes", Kind.BYTES));

  static final Set<String> NAMES = KINDS.keySet();

  /**
   * Common spellings of the built-in types in SQL, Python and Prisma (lower case), and the
   * built-in each stands for; used only for "did you mean" hints.
   */
  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("varchar", "string"),
          Map.entry("nvarchar", "string"),
          Map.entry("char", "string"),
          Map.entry("character", "string"),
          Map.entry("str", "string"),
          Map.entry("integer", "int"),
          Map.entry("int4", "int"),
          Map.entry("serial", "int"),
          Map.entry("int8", "bigint"),
          Map.entry("long", "bigint"),
          Map.entry("bigserial", "bigint"),
          Map.entry("int2", "smallint"),
          Map.entry("boolean", "bool"),
          Map.entry("timestamp", "datetime"),
          Map.entry("timestamptz", "datetime(tz)"),
          Map.entry("double", "float"),
          Map.entry("real", "float"),
          Map.entry("float8", "float"),
          Map.entry("float4", "float"),
          Map.entry("numeric", "decimal"),
          Map.entry("number", "decimal"),
          Map.entry("blob", "bytes"),
          Map.entry("bytea", "bytes"),
          Map.entry("binary", "bytes"),
          Map.entry("varbinary", "bytes"),
          Map.entry("bytearray", "bytes"),
          Map.entry("jsonb", "json"),
          Map.entry("dict", "json"),
          Map.entry("clob", "text"),
          Map.entry("longtext", "text"),
          Map.entry("guid", "uuid"),
          Map.entry("uniqueidentifier", "uuid"),
          Map.entry("timedelta", "interval"));

  private ScalarTypes() {}
}
