package dev.sqlagen.state;

import dev.sqlagen.source.Span;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each element of a state was declared: a model, field or enum member in the schema, or a
 * line of the snapshot that recorded it. Diagnostics about an element point there; an element
 * with no known place points at {@code fallback}, the file itself.
 */
public final class StateSpans {
  private final Span fallback;
  private final Map<String, Span> tables = new HashMap<>();
  private final Map<String, Span> columns = new HashMap<>();
  private final Map<String, Span> enums = new HashMap<>();
  private final Map<String, Span> values = new HashMap<>();

  public StateSpans(Span fallback) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** Places nothing: every element is reported at {@code fallback}. */
  public static StateSpans none(Span fallback) {
    return new StateSpans(fallback);
  }

  public Span fallback() {
    return fallback;
  }

  public Span table(String table) {
    return tables.getOrDefault(table, fallback);
  }

  public Span column(String table, String column) {
    return columns.getOrDefault(table + "\0" + column, table(table));
  }

  public Span enumType(String type) {
    return enums.getOrDefault(type, fallback);
  }

  public Span value(String type, String value) {
    return values.getOrDefault(type + "\0" + value, enumType(type));
  }

  void putTable(String table, Span span) {
    tables.putIfAbsent(table, span);
  }

  void putColumn(String table, String column, Span span) {
    columns.putIfAbsent(table + "\0" + column, span);
  }

  void putEnum(String type, Span span) {
    enums.putIfAbsent(type, span);
  }

  void putValue(String type, String value, Span span) {
    values.putIfAbsent(type + "\0" + value, span);
  }
}
