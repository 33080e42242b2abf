package dev.sqlagen.migrate;

import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.ColumnType.Kind;
import java.util.Optional;

/**
 * What changing a column's type does to its values: whether every value fits the new type
 * (widening) or some may be lost or refused (narrowing), and how PostgreSQL converts them.
 */
final class TypeChanges {
  private TypeChanges() {}

  /**
   * True when every value of {@code from} is a value of {@code to}, unchanged in meaning.
   *
   * @param longestEnumValue the longest value of {@code from}'s enum, when it is one
   */
  static boolean widens(ColumnType from, ColumnType to, int longestEnumValue) {
    if (from.equals(to)) {
      return true;
    }
    if (from.array() || to.array()) {
      // A value into a one-element array keeps it; an array into a scalar keeps its first element only.
      return to.array() && widens(from.element(), to.element(), longestEnumValue);
    }
    Kind a = from.kind();
    Kind b = to.kind();
    if (a == Kind.REAL && b == Kind.FLOAT || a == Kind.SMALLINT && b == Kind.REAL) {
      return true;
    }
    if ((a == Kind.JSON || a == Kind.JSONB) && (b == Kind.JSON || b == Kind.JSONB)) {
      return true; // JSONB normalizes the text (key order, spaces, duplicate keys), not the value
    }
    if (a == Kind.CIDR && b == Kind.INET) {
      return true;
    }
    if (a == Kind.CHAR && b == Kind.CHAR) {
      return to.length() >= from.length();
    }
    if (from.isInteger() && to.isInteger()) {
      return integerRank(a) <= integerRank(b);
    }
    if ((from.isInteger() || a == Kind.DECIMAL) && to.isUnconstrainedDecimal()) {
      // numeric without a precision holds every integer and every decimal(p, s) exactly.
      return true;
    }
    if (a == Kind.DECIMAL && from.isUnconstrainedDecimal()) {
      // Any number of digits into a bounded type: values may not fit.
      return false;
    }
    if (from.isInteger() && b == Kind.DECIMAL) {
      return to.precision() - to.scale() >= integerDigits(a);
    }
    if ((a == Kind.INT || a == Kind.SMALLINT) && b == Kind.FLOAT) {
      return true;
    }
    if (a == Kind.DECIMAL && b == Kind.DECIMAL) {
      return to.scale() >= from.scale() && to.precision() - to.scale() >= from.precision() - from.scale();
    }
    if ((a == Kind.STRING || a == Kind.CHAR) && b == Kind.STRING) {
      return to.length() >= from.length();
    }
    if (b == Kind.TEXT || b == Kind.VARCHAR || b == Kind.CITEXT) {
      return a != Kind.BYTES && a != Kind.JSON && a != Kind.JSONB && a != Kind.INTERVAL && a != Kind.TSVECTOR;
    }
    if (b == Kind.STRING) {
      return textLength(from, longestEnumValue).map(n -> n <= to.length()).orElse(false);
    }
    if (a == Kind.DATETIME && b == Kind.DATETIME) {
      return !from.timezone();
    }
    return a == Kind.DATE && b == Kind.DATETIME;
  }

  /** The longest text a value of the type can be, where it has one. */
  private static Optional<Integer> textLength(ColumnType type, int longestEnumValue) {
    return Optional.ofNullable(switch (type.kind()) {
      case SMALLINT -> 6;
      case INT -> 11;
      case BIGINT -> 20;
      case DECIMAL -> type.isUnconstrainedDecimal() ? null : Integer.valueOf(type.precision() + 2);
      case BOOL -> 5;
      case DATE -> 10;
      case TIME -> 15;
      case UUID -> 36;
      case CHAR -> type.length();
      case ENUM -> longestEnumValue;
      default -> null;
    });
  }

  private static int integerRank(Kind kind) {
    return switch (kind) {
      case SMALLINT -> 0;
      case INT -> 1;
      default -> 2;
    };
  }

  private static int integerDigits(Kind kind) {
    return switch (kind) {
      case SMALLINT -> 5;
      case INT -> 10;
      default -> 19;
    };
  }

  /**
   * The {@code USING} expression PostgreSQL needs to convert a column, or empty where it converts
   * by itself (the same kind of type with other parameters, or any type to text).
   */
  static Optional<String> using(String column, ColumnType from, ColumnType to) {
    if (from.array() != to.array()) {
      // A value becomes a one-element array; an array keeps its first element (PostgreSQL counts from 1).
      return Optional.of(from.array()
          ? "(" + SqlText.quote(column) + ")[1]::" + SqlText.postgresType(to)
          : "CASE WHEN " + SqlText.quote(column) + " IS NULL THEN NULL ELSE ARRAY[" + SqlText.quote(column) + "::"
              + SqlText.postgresType(to.element()) + "] END");
    }
    if (from.kind() == Kind.CUSTOM || to.kind() == Kind.CUSTOM) {
      return customUsing(column, from, to);
    }
    if (from.array()) {
      return from.equals(to) ? Optional.empty() : Optional.of(SqlText.quote(column) + "::" + SqlText.postgresType(to));
    }
    boolean sameFamily = from.kind() == to.kind() && from.kind() != Kind.ENUM
        || from.isInteger() && to.isInteger()
        || isNumber(from) && isNumber(to);
    if (sameFamily || (isText(to) && from.kind() != Kind.ENUM)) {
      return Optional.empty();
    }
    String value = SqlText.quote(column) + (from.kind() == Kind.ENUM || from.kind() == Kind.BYTES ? "::text" : "");
    return Optional.of(value + "::" + SqlText.postgresType(to));
  }

  /**
   * Into or out of a type of {@code @@type}: through its text form ({@code col::text::macaddr}),
   * the one conversion every PostgreSQL type has. Where the target's SQL text is unknown (a type
   * read back from a revision, on a downgrade), there is no USING and PostgreSQL converts the
   * values itself or refuses the change with its own error.
   */
  private static Optional<String> customUsing(String column, ColumnType from, ColumnType to) {
    if (from.equals(to) || isText(to) || to.custom().filter(c -> c.sql().isEmpty()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(SqlText.quote(column) + "::text::" + SqlText.postgresType(to));
  }

  private static boolean isNumber(ColumnType type) {
    return type.isInteger() || type.kind() == Kind.DECIMAL || type.kind() == Kind.FLOAT || type.kind() == Kind.REAL;
  }

  private static boolean isText(ColumnType type) {
    return type.kind() == Kind.STRING || type.kind() == Kind.TEXT || type.kind() == Kind.VARCHAR || type.kind() == Kind.CHAR;
  }
}
