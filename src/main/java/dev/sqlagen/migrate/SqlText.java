package dev.sqlagen.migrate;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import java.util.Optional;

/**
 * SQL that revisions run as text: quoted identifiers, literals of default values, and PostgreSQL's
 * names of column types. Quoting is the same on SQLite and PostgreSQL (double quotes, doubled).
 */
final class SqlText {
  private SqlText() {}

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** {@code "schema"."name"}, or the name alone. */
  static String qualified(Optional<String> schema, String name) {
    return schema.map(s -> quote(s) + ".").orElse("") + quote(name);
  }

  static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Which database a literal is written for. */
  enum Dialect { SQLITE, POSTGRESQL }

  /** A default value as a SQL expression, for filling rows that have none. */
  static String literal(ColumnDefault value, ColumnType type, Dialect dialect) {
    if (value instanceof ColumnDefault.Number number) {
      return number.text();
    }
    if (value instanceof ColumnDefault.Text text) {
      return string(text.value());
    }
    if (value instanceof ColumnDefault.Bool bool) {
      return dialect == Dialect.SQLITE ? (bool.value() ? "1" : "0") : (bool.value() ? "true" : "false");
    }
    if (value instanceof ColumnDefault.EnumMember member) {
      return string(member.member());
    }
    if (value instanceof ColumnDefault.Now) {
      return switch (type.kind()) {
        case DATE -> "CURRENT_DATE";
        case TIME -> "CURRENT_TIME";
        default -> "CURRENT_TIMESTAMP";
      };
    }
    if (value instanceof ColumnDefault.Sql sql) {
      return "(" + sql.expression() + ")";
    }
    if (value instanceof ColumnDefault.PerDatabase perDatabase) {
      return perDatabase.on(dialect == Dialect.SQLITE).map(sql -> "(" + sql + ")").orElse("NULL");
    }
    throw new IllegalArgumentException("no SQL literal for " + value);
  }

  /**
   * A value of the type for rows that must have one and had none (a downgrade that brings back a
   * required column whose data is gone): zero, empty or the epoch.
   */
  static String placeholder(ColumnType type, Optional<String> firstEnumValue, Dialect dialect) {
    boolean sqlite = dialect == Dialect.SQLITE;
    if (type.array()) {
      return sqlite ? "'[]'" : "'{}'";
    }
    return switch (type.kind()) {
      case INT, BIGINT, SMALLINT, FLOAT, REAL, DECIMAL -> "0";
      case BOOL -> sqlite ? "0" : "false";
      case STRING, TEXT, CHAR, VARCHAR, CITEXT, TSVECTOR -> "''";
      case INET, CIDR -> "'0.0.0.0/0'";
      case JSONB -> "'{}'";
      case DATE -> "'1970-01-01'";
      case DATETIME -> "'1970-01-01 00:00:00'";
      case TIME -> "'00:00:00'";
      case INTERVAL -> sqlite ? "'1970-01-01 00:00:00.000000'" : "'0 seconds'";
      case UUID -> sqlite ? "'00000000000000000000000000000000'" : "'00000000-0000-0000-0000-000000000000'";
      case JSON -> "'{}'";
      case BYTES -> sqlite ? "X''" : "''";
      case ENUM -> string(firstEnumValue.orElseThrow());
      // No value of a type declared by @@type is known: NOT NULL then refuses the rows, loudly.
      case CUSTOM -> "NULL";
    };
  }

  /** The PostgreSQL spelling of a column type, for {@code USING col::type}. */
  static String postgresType(ColumnType type) {
    if (type.array()) {
      return postgresType(type.element()) + "[]";
    }
    return switch (type.kind()) {
      case INT -> "integer";
      case BIGINT -> "bigint";
      case SMALLINT -> "smallint";
      case STRING -> "varchar(" + type.length() + ")";
      case TEXT -> "text";
      case BOOL -> "boolean";
      case FLOAT -> "double precision";
      case REAL -> "real";
      case CHAR -> "char(" + type.length() + ")";
      case VARCHAR -> "varchar";
      case JSONB -> "jsonb";
      case INET -> "inet";
      case CIDR -> "cidr";
      case TSVECTOR -> "tsvector";
      case CITEXT -> "citext";
      case DECIMAL -> type.isUnconstrainedDecimal() ? "numeric" : "numeric(" + type.precision() + ", " + type.scale() + ")";
      case DATE -> "date";
      case DATETIME -> type.timezone() ? "timestamp with time zone" : "timestamp without time zone";
      case TIME -> "time without time zone";
      case INTERVAL -> "interval";
      case UUID -> "uuid";
      case JSON -> "json";
      case BYTES -> "bytea";
      case ENUM -> quote(type.enumName().orElseThrow());
      // As declared by sql: (a type read back from a revision has none, and says so).
      case CUSTOM -> type.custom().orElseThrow().sql().isEmpty() ? "text" : type.custom().orElseThrow().sql();
    };
  }
}
