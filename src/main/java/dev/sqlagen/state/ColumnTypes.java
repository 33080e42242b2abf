package dev.sqlagen.state;

import dev.sqlagen.resolved.ColumnType;
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
      default -> type.kind().name().toLowerCase(Locale.ROOT);
    };
  }

  /** The type a spelling names, or empty when it names none. */
  static Optional<ColumnType> parse(String spelling) {
    if (spelling.endsWith("[]")) {
      return parse(spelling.substring(0, spelling.length() - 2))
          .filter(t -> !t.array() && ColumnType.canBeArrayElement(t.kind()))
          .map(ColumnType::arrayOf);
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
      if (kind == Kind.STRING || kind == Kind.CHAR || kind == Kind.ENUM) {
        return Optional.empty();
      }
      return Optional.of(ColumnType.of(kind));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
