package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * A column's type with its parameters: length for strings, precision and scale for decimals,
 * time zone awareness for datetimes, the enum for enums.
 */
public record ColumnType(
    Kind kind, int length, int precision, int scale, boolean timezone, Optional<String> enumName) {

  /** The scalar types of the language, plus enums. */
  public enum Kind {
    INT, BIGINT, SMALLINT, STRING, TEXT, BOOL, FLOAT, DECIMAL, DATE, DATETIME, TIME, INTERVAL,
    UUID, JSON, BYTES, ENUM
  }

  public ColumnType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(enumName, "enumName");
    if (kind == Kind.STRING && length < 1) {
      throw new IllegalArgumentException("string needs a positive length");
    }
    if (kind == Kind.DECIMAL && (precision < 1 || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException("bad decimal(" + precision + ", " + scale + ")");
    }
    if ((kind == Kind.ENUM) != enumName.isPresent()) {
      throw new IllegalArgumentException("an enum type, and only that, names its enum");
    }
  }

  public static ColumnType of(Kind kind) {
    return new ColumnType(kind, 0, 0, 0, false, Optional.empty());
  }

  public static ColumnType string(int length) {
    return new ColumnType(Kind.STRING, length, 0, 0, false, Optional.empty());
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Kind.DECIMAL, 0, precision, scale, false, Optional.empty());
  }

  public static ColumnType datetime(boolean timezone) {
    return new ColumnType(Kind.DATETIME, 0, 0, 0, timezone, Optional.empty());
  }

  public static ColumnType enumOf(String enumName) {
    return new ColumnType(Kind.ENUM, 0, 0, 0, false, Optional.of(enumName));
  }

  public boolean isInteger() {
    return kind == Kind.INT || kind == Kind.BIGINT || kind == Kind.SMALLINT;
  }
}
