package dev.sqlagen.plan;

import dev.sqlagen.resolved.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * The Python annotation and the SQLAlchemy type of each column type. The type is written only
 * where the annotation alone would not give it (SQLAlchemy's default type map); lengths,
 * precisions and time zones are always explicit.
 */
final class ColumnTypes {
  private final ImportPlan imports;
  private final PythonNamesInModule names;

  ColumnTypes(ImportPlan imports, PythonNamesInModule names) {
    this.imports = imports;
    this.names = names;
  }

  String annotation(ColumnType type) {
    if (type.array()) {
      return imports.ref(Symbol.LIST) + "[" + annotation(type.element()) + "]";
    }
    return switch (type.kind()) {
      case INT, BIGINT, SMALLINT -> imports.ref(Symbol.INT);
      // INET and CIDR: str, as the generated engines ask the PostgreSQL drivers for (native_inet_types=False).
      case STRING, TEXT, CHAR, VARCHAR, CITEXT, TSVECTOR, INET, CIDR -> imports.ref(Symbol.STR);
      case BOOL -> imports.ref(Symbol.BOOL);
      case FLOAT, REAL -> imports.ref(Symbol.FLOAT);
      case DECIMAL -> imports.ref(Symbol.DECIMAL);
      case DATE -> imports.ref(Symbol.DATE);
      case DATETIME -> imports.ref(Symbol.DATETIME);
      case TIME -> imports.ref(Symbol.TIME);
      case INTERVAL -> imports.ref(Symbol.TIMEDELTA);
      case UUID -> imports.ref(Symbol.UUID);
      case JSON, JSONB -> imports.ref(Symbol.DICT) + "[" + imports.ref(Symbol.STR) + ", " + imports.ref(Symbol.ANY) + "]";
      case BYTES -> imports.ref(Symbol.BYTES);
      case ENUM -> names.enumClass(type.enumName().orElseThrow());
      case CUSTOM -> customAnnotation(type.custom().orElseThrow());
    };
  }

  /** A builtin annotation as written ({@code list[float]}), or a dotted path's class, imported. */
  private String customAnnotation(dev.sqlagen.resolved.CustomType custom) {
    return custom.pythonModule().map(module -> imports.ref(Symbol.from(module, custom.pythonName(), alias(module))))
        // Each builtin through the import plan: builtins.str where a field named str hides it.
        .orElseGet(() -> BUILTIN_WORD.matcher(custom.python()).replaceAll(m -> imports.ref(Symbol.builtin(m.group()))));
  }

  private static final java.util.regex.Pattern BUILTIN_WORD = java.util.regex.Pattern.compile("[a-z]+");

  /** The alias a module takes where a name is taken: as for SQLAlchemy's own symbols ({@code sa}, {@code postgresql}). */
  private static String alias(String module) {
    return module.equals("sqlalchemy") ? "sa" : module.substring(module.lastIndexOf('.') + 1);
  }

  /** A type of {@code @@type}: its class imported by name, called with its arguments. */
  private PyExpr customType(dev.sqlagen.resolved.CustomType custom) {
    PyExpr type = customInstance(custom.sqlalchemy());
    return custom.sqlite().map(sqlite -> PyExpr.call(type.flat() + ".with_variant", List.of(customInstance(sqlite), PyExpr.str("sqlite"))))
        .orElse(type);
  }

  private PyExpr customInstance(dev.sqlagen.resolved.CustomType.TypeRef ref) {
    return PyExpr.atom(ref.instance(imports.ref(Symbol.from(ref.module(), ref.name(), alias(ref.module())))));
  }

  /**
   * The explicit SQLAlchemy type, if the column needs one.
   *
   * @param autoincrementKey the column is its table's single integer primary key: SQLite only
   *     autoincrements a column typed exactly INTEGER, so wider integers get a SQLite variant
   */
  Optional<PyExpr> sqlType(ColumnType type, boolean autoincrementKey) {
    if (type.array()) {
      // ARRAY on PostgreSQL; SQLite has none and keeps the list as JSON.
      return Optional.of(sqliteVariant(PyExpr.call(imports.ref(pg("ARRAY")), List.of(elementType(type.element()))), "JSON"));
    }
    return Optional.ofNullable(
        switch (type.kind()) {
          case INT, BOOL, DATE, TIME, INTERVAL, UUID, BYTES, VARCHAR -> null;
          case REAL -> PyExpr.atom(imports.ref(Symbol.sa("REAL")));
          case CHAR -> PyExpr.call(imports.ref(Symbol.sa("CHAR")), List.of(PyExpr.atom(Integer.toString(type.length()))));
          case JSONB -> sqliteVariant(PyExpr.call(imports.ref(pg("JSONB")), List.of()), "JSON");
          case INET -> sqliteVariant(PyExpr.call(imports.ref(pg("INET")), List.of()), "String");
          case CIDR -> sqliteVariant(PyExpr.call(imports.ref(pg("CIDR")), List.of()), "String");
          case TSVECTOR -> sqliteVariant(PyExpr.call(imports.ref(pg("TSVECTOR")), List.of()), "Text");
          case CITEXT -> sqliteVariant(PyExpr.call(imports.ref(pg("CITEXT")), List.of()), "Text");
          // Mapped[float] means Float on SQLAlchemy 2.0 and Double on 2.1: say which.
          case FLOAT -> PyExpr.atom(imports.ref(Symbol.sa("Double")));
          case BIGINT -> integerVariant("BigInteger", autoincrementKey);
          case SMALLINT -> integerVariant("SmallInteger", autoincrementKey);
          case STRING -> PyExpr.call(imports.ref(Symbol.sa("String")), java.util.List.of(PyExpr.atom(Integer.toString(type.length()))));
          case TEXT -> PyExpr.atom(imports.ref(Symbol.sa("Text")));
          case DECIMAL -> type.isUnconstrainedDecimal()
              ? PyExpr.call(imports.ref(Symbol.sa("Numeric")), java.util.List.of())
              : PyExpr.call(
              imports.ref(Symbol.sa("Numeric")),
              java.util.List.of(PyExpr.atom(Integer.toString(type.precision())), PyExpr.atom(Integer.toString(type.scale()))));
          case DATETIME -> type.timezone()
              ? PyExpr.call(imports.ref(Symbol.sa("DateTime")), java.util.List.of(PyExpr.keyword("timezone", PyExpr.atom("True"))))
              : null;
          case JSON -> PyExpr.atom(imports.ref(Symbol.sa("JSON")));
          case ENUM -> enumType(type.enumName().orElseThrow());
          case CUSTOM -> customType(type.custom().orElseThrow());
        });
  }

  private static Symbol pg(String name) {
    return Symbol.from("sqlalchemy.dialects.postgresql", name, "postgresql");
  }

  /** A PostgreSQL type, with the portable SQLAlchemy type {@code sqliteType} on SQLite. */
  private PyExpr sqliteVariant(PyExpr postgresType, String sqliteType) {
    return PyExpr.call(postgresType.flat() + ".with_variant",
        List.of(PyExpr.call(imports.ref(Symbol.sa(sqliteType)), List.of()), PyExpr.str("sqlite")));
  }

  /** An array's element type, always explicit (PostgreSQL's, as the whole array is JSON on SQLite). */
  private PyExpr elementType(ColumnType type) {
    return switch (type.kind()) {
      case INT -> PyExpr.call(imports.ref(Symbol.sa("Integer")), List.of());
      case BIGINT -> PyExpr.call(imports.ref(Symbol.sa("BigInteger")), List.of());
      case SMALLINT -> PyExpr.call(imports.ref(Symbol.sa("SmallInteger")), List.of());
      case BOOL -> PyExpr.call(imports.ref(Symbol.sa("Boolean")), List.of());
      case FLOAT -> PyExpr.call(imports.ref(Symbol.sa("Double")), List.of());
      case REAL -> PyExpr.call(imports.ref(Symbol.sa("REAL")), List.of());
      case STRING -> PyExpr.call(imports.ref(Symbol.sa("String")), List.of(PyExpr.atom(Integer.toString(type.length()))));
      case CHAR -> PyExpr.call(imports.ref(Symbol.sa("CHAR")), List.of(PyExpr.atom(Integer.toString(type.length()))));
      case VARCHAR -> PyExpr.call(imports.ref(Symbol.sa("String")), List.of());
      case TEXT -> PyExpr.call(imports.ref(Symbol.sa("Text")), List.of());
      case INET, CIDR -> PyExpr.call(imports.ref(pg(type.kind().name())), List.of());
      default -> throw new IllegalArgumentException("no arrays of " + type.kind());
    };
  }

  private PyExpr integerVariant(String typeName, boolean autoincrementKey) {
    String type = imports.ref(Symbol.sa(typeName));
    if (!autoincrementKey) {
      return PyExpr.atom(type);
    }
    return PyExpr.call(
        type + "().with_variant",
        java.util.List.of(PyExpr.atom(imports.ref(Symbol.sa("Integer"))), PyExpr.str("sqlite")));
  }

  private PyExpr enumType(String enumName) {
    return PyExpr.call(
        imports.ref(Symbol.sa("Enum")),
        java.util.List.of(
            PyExpr.atom(names.enumClass(enumName)),
            PyExpr.keyword("name", PyExpr.str(names.enumDbName(enumName))),
            PyExpr.keyword("values_callable", PyExpr.atom(names.enumValuesHelper()))));
  }
}
