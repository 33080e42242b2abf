package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * A column's type with its parameters: length for strings and chars, precision and scale for
 * decimals, time zone awareness for datetimes, the enum for enums; {@code array} for an array of
 * such values ({@code text[]}: ARRAY on PostgreSQL, JSON on SQLite).
 */
public record ColumnType(
    Kind kind, int length, int precision, int scale, boolean timezone, Optional<String> enumName, boolean array,
    Optional<CustomType> custom) {

  /**
   * The scalar types of the language, plus enums. REAL is float4, CHAR a fixed-length string,
   * VARCHAR a string without a length; JSONB, INET, CIDR, TSVECTOR and CITEXT are PostgreSQL's
   * (with a portable type on SQLite).
   */
  public enum Kind {
    INT, BIGINT, SMALLINT, STRING, TEXT, BOOL, FLOAT, DECIMAL, DATE, DATETIME, TIME, INTERVAL,
    UUID, JSON, BYTES, ENUM, REAL, CHAR, VARCHAR, JSONB, INET, CIDR, TSVECTOR, CITEXT, CUSTOM
  }

  public ColumnType(Kind kind, int length, int precision, int scale, boolean timezone, Optional<String> enumName) {
    this(kind, length, precision, scale, timezone, enumName, false, Optional.empty());
  }

  public ColumnType(Kind kind, int length, int precision, int scale, boolean timezone, Optional<String> enumName, boolean array) {
    this(kind, length, precision, scale, timezone, enumName, array, Optional.empty());
  }

  public ColumnType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(enumName, "enumName");
    if ((kind == Kind.STRING || kind == Kind.CHAR) && length < 1) {
      throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " needs a positive length");
    }
    if (array && !canBeArrayElement(kind)) {
      throw new IllegalArgumentException("no arrays of " + kind);
    }
    if (kind == Kind.DECIMAL && !(precision == 0 && scale == 0) && (precision < 1 || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException("bad decimal(" + precision + ", " + scale + ")");
    }
    if ((kind == Kind.ENUM) != enumName.isPresent()) {
      throw new IllegalArgumentException("an enum type, and only that, names its enum");
    }
    Objects.requireNonNull(custom, "custom");
    if ((kind == Kind.CUSTOM) != custom.isPresent()) {
      throw new IllegalArgumentException("a custom type, and only that, carries its declaration");
    }
  }

  public static ColumnType of(Kind kind) {
    return new ColumnType(kind, 0, 0, 0, false, Optional.empty());
  }

  public static ColumnType string(int length) {
    return new ColumnType(Kind.STRING, length, 0, 0, false, Optional.empty());
  }

  public static ColumnType chars(int length) {
    return new ColumnType(Kind.CHAR, length, 0, 0, false, Optional.empty());
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Kind.DECIMAL, 0, precision, scale, false, Optional.empty());
  }

  /** {@code decimal} without precision or scale: PostgreSQL's unconstrained {@code numeric}, {@code Numeric()}. */
  public static ColumnType decimal() {
    return new ColumnType(Kind.DECIMAL, 0, 0, 0, false, Optional.empty());
  }

  /** Whether this is a {@code decimal} without precision or scale (any number of digits). */
  public boolean isUnconstrainedDecimal() {
    return kind == Kind.DECIMAL && precision == 0;
  }

  public static ColumnType datetime(boolean timezone) {
    return new ColumnType(Kind.DATETIME, 0, 0, 0, timezone, Optional.empty());
  }

  public static ColumnType enumOf(String enumName) {
    return new ColumnType(Kind.ENUM, 0, 0, 0, false, Optional.of(enumName));
  }

  /** A type declared by {@code @@type(...)}. */
  public static ColumnType custom(CustomType type) {
    return new ColumnType(Kind.CUSTOM, 0, 0, 0, false, Optional.empty(), false, Optional.of(type));
  }

  /** Whether the values are integers: an array of integers is not. */
  public boolean isInteger() {
    return !array && (kind == Kind.INT || kind == Kind.BIGINT || kind == Kind.SMALLINT);
  }

  /** The type as the schema language writes it: {@code string(255)}, {@code decimal(12, 2)}, {@code text[]}. */
  public String spelling() {
    String base = switch (kind) {
      case STRING -> "string(" + length + ")";
      case CHAR -> "char(" + length + ")";
      case DECIMAL -> precision == 0 ? "decimal" : "decimal(" + precision + ", " + scale + ")";
      case DATETIME -> timezone ? "datetime(tz)" : "datetime";
      case ENUM -> enumName.orElseThrow();
      case CUSTOM -> custom.orElseThrow().name();
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
    return array ? base + "[]" : base;
  }

  /** The array of this type. */
  public ColumnType arrayOf() {
    return new ColumnType(kind, length, precision, scale, timezone, enumName, true);
  }

  /** The type of an array's elements: the type itself for a scalar. */
  public ColumnType element() {
    return array ? new ColumnType(kind, length, precision, scale, timezone, enumName, false) : this;
  }

  /**
   * Kinds an array can hold: those whose values JSON carries unchanged, since SQLite stores an
   * array as JSON (a list of dates, decimals or UUIDs would not serialize there).
   */
  public static boolean canBeArrayElement(Kind kind) {
    return switch (kind) {
      // Not citext: psycopg reads an array of it (an extension type) back as one string.
      case INT, BIGINT, SMALLINT, STRING, TEXT, VARCHAR, CHAR, BOOL, FLOAT, REAL, INET, CIDR -> true;
      default -> false;
    };
  }
}
