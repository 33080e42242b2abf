package dev.sqlagen.state;

import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.CustomType;
import dev.sqlagen.resolved.ColumnType.Kind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Column types as a snapshot spells them, in the schema language's words: {@code string(255)}, {@code enum(post_status)}. */
final class ColumnTypes {
  private static final Pattern SPELLING = Pattern.compile(
      "(string|char)\\((\\d{1,9})\\)|(decimal)\\((\\d{1,4}),(\\d{1,4})\\)|(datetime)\\(tz\\)|(enum)\\((.+)\\)|([a-z]+)");

  private ColumnTypes() {}

  static String spell(ColumnType type) {
    if (type.array()) {
      return spell(type.element()) + "[]";
    }
    return switch (type.kind()) {
      case STRING -> "string(" + type.length() + ")";
      case CHAR -> "char(" + type.length() + ")";
      case DECIMAL -> type.isUnconstrainedDecimal() ? "decimal" : "decimal(" + type.precision() + "," + type.scale() + ")";
      case DATETIME -> type.timezone() ? "datetime(tz)" : "datetime";
      case ENUM -> "enum(" + type.enumName().orElseThrow() + ")";
      // A type of @@type: custom(module.Class(args)), then ;sqlite=module.Class(args) and ;sql=its DDL text where it has them.
      case CUSTOM -> "custom(" + type.custom().orElseThrow().sqlalchemy().spelling()
          + type.custom().orElseThrow().sqlite().map(s -> ";sqlite=" + s.spelling()).orElse("")
          + (type.custom().orElseThrow().sql().isEmpty() ? "" : ";sql=" + type.custom().orElseThrow().sql()) + ")";
      default -> type.kind().name().toLowerCase(Locale.ROOT);
    };
  }

  private static final Pattern TYPE_REF = Pattern.compile("([A-Za-z_][\\w.]*)\\.([A-Za-z_]\\w*)(?:\\((.*)\\))?");

  private static Optional<CustomType.TypeRef> typeRef(String spelling) {
    Matcher m = TYPE_REF.matcher(spelling);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new CustomType.TypeRef(m.group(1), m.group(2), Optional.ofNullable(m.group(3)).filter(a -> !a.isEmpty())));
  }

  /** The type a spelling names, or empty when it names none. */
  static Optional<ColumnType> parse(String spelling) {
    if (spelling.endsWith("[]")) {
      return parse(spelling.substring(0, spelling.length() - 2))
          .filter(t -> !t.array() && ColumnType.canBeArrayElement(t.kind()))
          .map(ColumnType::arrayOf);
    }
    if (spelling.startsWith("custom(") && spelling.endsWith(")")) {
      String inner = spelling.substring("custom(".length(), spelling.length() - 1);
      int sqlAt = inner.lastIndexOf(";sql=");
      String sql = sqlAt < 0 ? "" : inner.substring(sqlAt + ";sql=".length());
      inner = sqlAt < 0 ? inner : inner.substring(0, sqlAt);
      int sqlite = inner.lastIndexOf(";sqlite=");
      Optional<CustomType.TypeRef> type = typeRef(sqlite < 0 ? inner : inner.substring(0, sqlite));
      Optional<CustomType.TypeRef> variant = sqlite < 0 ? Optional.empty() : typeRef(inner.substring(sqlite + ";sqlite=".length()));
      if (type.isEmpty() || sqlite >= 0 && variant.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(ColumnType.custom(CustomType.readBack(type.get(), variant, sql)));
    }
    Matcher m = SPELLING.matcher(spelling);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      if (m.group(1) != null) {
        int length = Integer.parseInt(m.group(2));
        if (length < 1) {
          return Optional.empty();
        }
        return Optional.of(m.group(1).equals("char") ? ColumnType.chars(length) : ColumnType.string(length));
      }
      if (m.group(3) != null) {
        return Optional.of(ColumnType.decimal(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
      }
      if (m.group(6) != null) {
        return Optional.of(ColumnType.datetime(true));
      }
      if (m.group(7) != null) {
        return Optional.of(ColumnType.enumOf(m.group(8)));
      }
      Kind kind = Kind.valueOf(m.group(9).toUpperCase(Locale.ROOT));
      if (kind == Kind.DECIMAL) {
        return Optional.of(ColumnType.decimal());
      }
      if (kind == Kind.STRING || kind == Kind.CHAR || kind == Kind.ENUM || kind == Kind.CUSTOM) {
        return Optional.empty();
      }
      return Optional.of(ColumnType.of(kind));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
