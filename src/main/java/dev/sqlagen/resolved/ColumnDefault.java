package dev.sqlagen.resolved;

import java.util.Objects;

/**
 * A column default. {@code now()} and {@code sql("...")} run in the database
 * ({@code server_default=}); literals and enum members are both the Python default
 * ({@code default=}: the ORM puts the value in its INSERT, so it need not fetch it back) and the
 * database's (so that rows inserted otherwise, and rows that exist when a column is added, get
 * it too); {@code uuid4()} runs in Python only.
 */
public sealed interface ColumnDefault {
  /** True when only the database computes the value. */
  boolean serverSide();

  /** True when the database has this default: all but {@code uuid4()} and {@code python(...)}. */
  default boolean inDatabase() {
    return !(this instanceof UuidFactory || this instanceof PythonOnly);
  }

  /** A number as written, checked against the column type. */
  record Number(String text) implements ColumnDefault {
    public Number {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public boolean serverSide() {
      return false;
    }
  }

  /** A string value. */
  record Text(String value) implements ColumnDefault {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean serverSide() {
      return false;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements ColumnDefault {
    @Override
    public boolean serverSide() {
      return false;
    }
  }

  /** A member of the column's enum, as written in the enum declaration. */
  record EnumMember(String enumName, String member) implements ColumnDefault {
    public EnumMember {
      Objects.requireNonNull(enumName, "enumName");
      Objects.requireNonNull(member, "member");
    }

    @Override
    public boolean serverSide() {
      return false;
    }
  }

  /** {@code uuid4()}: a fresh random UUID per row, made in Python. */
  record UuidFactory() implements ColumnDefault {
    @Override
    public boolean serverSide() {
      return false;
    }
  }

  /** {@code now()}: the database's current date, time or timestamp, by column type. */
  record Now() implements ColumnDefault {
    @Override
    public boolean serverSide() {
      return true;
    }
  }

  /** {@code sql("...")}: a SQL expression the database evaluates, passed through verbatim. */
  record Sql(String expression) implements ColumnDefault {
    public Sql {
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public boolean serverSide() {
      return true;
    }
  }

  /**
   * {@code python(value)}: a literal default that SQLAlchemy alone applies ({@code default=}),
   * with no database default, for a column whose existing database has none.
   */
  record PythonOnly(ColumnDefault value) implements ColumnDefault {
    public PythonOnly {
      Objects.requireNonNull(value, "value");
      if (!value.inDatabase() || value.serverSide()) {
        throw new IllegalArgumentException("python() holds a literal default: " + value);
      }
    }

    @Override
    public boolean serverSide() {
      return false;
    }
  }

  /**
   * {@code sql(postgresql: "...", sqlite: "...")}: a SQL expression per database, passed through
   * verbatim; a database without one gets no default (SQL's {@code DEFAULT NULL}).
   */
  record PerDatabase(java.util.Optional<String> postgresql, java.util.Optional<String> sqlite) implements ColumnDefault {
    public PerDatabase {
      Objects.requireNonNull(postgresql, "postgresql");
      Objects.requireNonNull(sqlite, "sqlite");
      if (postgresql.isEmpty() && sqlite.isEmpty()) {
        throw new IllegalArgumentException("a per-database default names a database");
      }
    }

    /** The expression for SQLite, or for PostgreSQL. */
    public java.util.Optional<String> on(boolean sqlite) {
      return sqlite ? this.sqlite : postgresql;
    }

    @Override
    public boolean serverSide() {
      return true;
    }
  }
}
