package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * A type declared by {@code @@type(Name, sql: "...", sqlalchemy: "module.Class(args)", python: "...")}:
 * the escape hatch for a database type the language has no word for (an extension's type).
 *
 * <p>Two custom types are the same column type when their SQLAlchemy types and SQLite variants
 * are: that is what a revision holds and what the database sees. The declared name, the SQL text
 * and the Python annotation are not read back from a revision.
 *
 * @param name the name the schema gives it ({@code Vector})
 * @param sql the DDL type text as PostgreSQL shows it ({@code vector(3)}), empty when unknown
 * @param sqlalchemy the SQLAlchemy type
 * @param python the annotation: a builtin such as {@code list[float]}, or a dotted path
 * @param sqlite the SQLAlchemy type used on SQLite, when given
 */
public record CustomType(String name, String sql, TypeRef sqlalchemy, String python, Optional<TypeRef> sqlite) {
  public CustomType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(sqlalchemy, "sqlalchemy");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(sqlite, "sqlite");
  }

  /** A custom type as a revision or a snapshot holds it: its name is its class, its SQL text unknown. */
  public static CustomType readBack(TypeRef sqlalchemy, Optional<TypeRef> sqlite) {
    return readBack(sqlalchemy, sqlite, "");
  }

  /** As a snapshot holds it, with its SQL text (for a later USING cast into it). */
  public static CustomType readBack(TypeRef sqlalchemy, Optional<TypeRef> sqlite, String sql) {
    return new CustomType(sqlalchemy.name(), sql, sqlalchemy, "object", sqlite);
  }

  /**
   * A SQLAlchemy type class and, when called, its arguments as written (simple literals).
   *
   * @param module the module to import it from ({@code sqlalchemy.dialects.postgresql})
   * @param name the class ({@code MACADDR})
   * @param args the text between the parentheses, empty for a bare class or an empty call
   */
  public record TypeRef(String module, String name, Optional<String> args) {
    public TypeRef {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(args, "args");
    }

    /** The dotted path with the call, as the schema writes it. */
    public String spelling() {
      return module + "." + name + args.map(a -> "(" + a + ")").orElse("");
    }

    /** The type instance as Python code, with the class spelt {@code className}. */
    public String instance(String className) {
      return className + "(" + args.orElse("") + ")";
    }
  }

  /** The module of a dotted Python annotation ({@code ipaddress} of {@code ipaddress.IPv4Address}), if it is one. */
  public Optional<String> pythonModule() {
    int dot = python.lastIndexOf('.');
    return python.indexOf('[') < 0 && dot > 0 ? Optional.of(python.substring(0, dot)) : Optional.empty();
  }

  /** The class of a dotted Python annotation, or the annotation itself. */
  public String pythonName() {
    return pythonModule().map(m -> python.substring(m.length() + 1)).orElse(python);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CustomType that && sqlalchemy.equals(that.sqlalchemy) && sqlite.equals(that.sqlite);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sqlalchemy, sqlite);
  }
}
