package dev.sqlagen.state;

import dev.sqlagen.resolved.ColumnDefault;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Database defaults as a snapshot writes them: {@code {"kind":"number","value":"0"}}. */
final class Defaults {
  private Defaults() {}

  static Map<String, Object> write(ColumnDefault value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof ColumnDefault.Number number) {
      out.put("kind", "number");
      out.put("value", number.text());
    } else if (value instanceof ColumnDefault.Text text) {
      out.put("kind", "text");
      out.put("value", text.value());
    } else if (value instanceof ColumnDefault.Bool bool) {
      out.put("kind", "bool");
      out.put("value", bool.value());
    } else if (value instanceof ColumnDefault.EnumMember member) {
      out.put("kind", "enum");
      out.put("value", member.member());
    } else if (value instanceof ColumnDefault.Now) {
      out.put("kind", "now");
    } else if (value instanceof ColumnDefault.Sql sql) {
      out.put("kind", "sql");
      out.put("value", sql.expression());
    } else if (value instanceof ColumnDefault.PerDatabase perDatabase) {
      out.put("kind", "per_database");
      perDatabase.postgresql().ifPresent(sql -> out.put("postgresql", sql));
      perDatabase.sqlite().ifPresent(sql -> out.put("sqlite", sql));
    } else {
      throw new IllegalArgumentException("not a database default: " + value);
    }
    return out;
  }

  /** {@code {"kind":"per_database","postgresql":"...","sqlite":"..."}}: one database at least. */
  private static Optional<ColumnDefault> perDatabase(Map<?, ?> object) {
    Object postgresql = object.get("postgresql");
    Object sqlite = object.get("sqlite");
    int expected = 1 + (postgresql != null ? 1 : 0) + (sqlite != null ? 1 : 0);
    if (object.size() != expected || expected == 1 || (postgresql != null && !(postgresql instanceof String))
        || (sqlite != null && !(sqlite instanceof String))) {
      return Optional.empty();
    }
    return Optional.of(new ColumnDefault.PerDatabase(Optional.ofNullable((String) postgresql), Optional.ofNullable((String) sqlite)));
  }

  /** The default an object describes on a column of {@code enumType} (if an enum column), or empty. */
  static Optional<ColumnDefault> read(Map<?, ?> object, Optional<String> enumType) {
    Object kind = object.get("kind");
    if ("per_database".equals(kind)) {
      return perDatabase(object);
    }
    Object value = object.get("value");
    int expected = "now".equals(kind) ? 1 : 2;
    if (object.size() != expected) {
      return Optional.empty();
    }
    if ("now".equals(kind)) {
      return Optional.of(new ColumnDefault.Now());
    }
    if ("bool".equals(kind) && value instanceof Boolean bool) {
      return Optional.of(new ColumnDefault.Bool(bool));
    }
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    return switch (String.valueOf(kind)) {
      case "number" -> text.matches("-?\\d+(\\.\\d+)?") ? Optional.of(new ColumnDefault.Number(text)) : Optional.empty();
      case "text" -> Optional.of(new ColumnDefault.Text(text));
      case "enum" -> enumType.map(type -> new ColumnDefault.EnumMember(type, text));
      case "sql" -> Optional.of(new ColumnDefault.Sql(text));
      default -> Optional.empty();
    };
  }
}
