package dev.sqlagen.plan;

import java.util.Objects;

/**
 * A name the generated code imports. {@code moduleStyle} symbols are always written through
 * their module ({@code uuid.UUID}); the others are imported by name ({@code from x import y}) and
 * fall back to {@code alias.name} when the name is taken by something in the generated module.
 */
record Symbol(String module, String name, boolean moduleStyle, String alias) {
  Symbol {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(alias, "alias");
  }

  static Symbol from(String module, String name, String alias) {
    return new Symbol(module, name, false, alias);
  }

  static Symbol viaModule(String module, String name) {
    return new Symbol(module, name, true, module);
  }

  static final Symbol ENUM = viaModule("enum", "Enum");
  static final Symbol UUID = viaModule("uuid", "UUID");
  static final Symbol UUID4 = viaModule("uuid", "uuid4");
  static final Symbol DATE = from("datetime", "date", "dt");
  static final Symbol DATETIME = from("datetime", "datetime", "dt");
  static final Symbol TIME = from("datetime", "time", "dt");
  static final Symbol TIMEDELTA = from("datetime", "timedelta", "dt");
  static final Symbol DECIMAL = from("decimal", "Decimal", "decimal");
  static final Symbol ANY = from("typing", "Any", "typing");
  static final Symbol MAPPING_PROXY = from("types", "MappingProxyType", "types");

  /**
   * A builtin such as {@code str}: written bare, or {@code builtins.str} (with
   * {@code import builtins}) where a field of the same name would hide it in a class body.
   */
  static Symbol builtin(String name) {
    return new Symbol("builtins", name, false, "builtins");
  }

  static final Symbol INT = builtin("int");
  static final Symbol STR = builtin("str");
  static final Symbol BOOL = builtin("bool");
  static final Symbol FLOAT = builtin("float");
  static final Symbol BYTES = builtin("bytes");
  static final Symbol DICT = builtin("dict");
  static final Symbol LIST = builtin("list");

  static Symbol sa(String name) {
    return from("sqlalchemy", name, "sa");
  }

  static Symbol orm(String name) {
    return from("sqlalchemy.orm", name, "orm");
  }

  /**
   * {@link ImportPlan} looks symbols up for every column: equals and hashCode are written out,
   * as a record's generated ones go through invokedynamic method handles, slow until the JIT has
   * compiled them (most of a short run).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Symbol that && moduleStyle == that.moduleStyle && module.equals(that.module)
        && name.equals(that.name) && alias.equals(that.alias);
  }

  @Override
  public int hashCode() {
    return ((module.hashCode() * 31 + name.hashCode()) * 31 + alias.hashCode()) * 2 + (moduleStyle ? 1 : 0);
  }

  /** Whether the module is part of Python's standard library (its own import section). */
  boolean standardLibrary() {
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    return !top.equals("sqlalchemy") && !top.equals("alembic") && dev.sqlagen.naming.PythonModules.isStandard(top);
  }
}
