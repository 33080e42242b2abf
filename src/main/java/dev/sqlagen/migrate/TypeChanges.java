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
    Kind a = from.kind();
    Kind b = to.kind();
    if (from.isInteger() && to.isInteger()) {
      return integerRank(a) <= integerRank(b);
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
    if (a == Kind.STRING && b == Kind.STRING) {
      return to.length() >= from.length();
    }
    if (b == Kind.TEXT) {
      return a != Kind.BYTES && a != Kind.JSON && a != Kind.INTERVAL;
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
      case DECIMAL -> type.precision() + 2;
      case BOOL -> 5;
      case DATE -> 10;
      case TIME -> 15;
      case UUID -> 36;
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
    boolean sameFamily = from.kind() == to.kind() && from.kind() != Kind.ENUM
        || from.isInteger() && to.isInteger()
        || isNumber(from) && isNumber(to);
    if (sameFamily || (isText(to) && from.kind() != Kind.ENUM)) {
      return Optional.empty();
    }
    String value = SqlText.quote(column) + (from.kind() == Kind.ENUM || from.kind() == Kind.BYTES ? "::text" : "");
    return Optional.of(value + "::" + SqlText.postgresType(to));
  }

  private static boolean isNumber(ColumnType type) {
    return type.isInteger() || type.kind() == Kind.DECIMAL || type.kind() == Kind.FLOAT;
  }

  private static boolean isText(ColumnType type) {
    return type.kind() == Kind.STRING || type.kind() == Kind.TEXT;
  }
}
