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

  private ScalarTypes() {}
}
