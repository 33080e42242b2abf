package dev.sqlagen.plan;

import dev.sqlagen.resolved.ColumnType;
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
    return switch (type.kind()) {
      case INT, BIGINT, SMALLINT -> imports.ref(Symbol.INT);
      case STRING, TEXT -> imports.ref(Symbol.STR);
      case BOOL -> imports.ref(Symbol.BOOL);
      case FLOAT -> imports.ref(Symbol.FLOAT);
      case DECIMAL -> imports.ref(Symbol.DECIMAL);
      case DATE -> imports.ref(Symbol.DATE);
      case DATETIME -> imports.ref(Symbol.DATETIME);
      case TIME -> imports.ref(Symbol.TIME);
      case INTERVAL -> imports.ref(Symbol.TIMEDELTA);
      case UUID -> imports.ref(Symbol.UUID);
      case JSON -> imports.ref(Symbol.DICT) + "[" + imports.ref(Symbol.STR) + ", " + imports.ref(Symbol.ANY) + "]";
      case BYTES -> imports.ref(Symbol.BYTES);
      case ENUM -> names.enumClass(type.enumName().orElseThrow());
    };
  }

  /**
   * The explicit SQLAlchemy type, if the column needs one.
   *
   * @param autoincrementKey the column is its table's single integer primary key: SQLite only
   *     autoincrements a column typed exactly INTEGER, so wider integers get a SQLite variant
   */
  Optional<PyExpr> sqlType(ColumnType type, boolean autoincrementKey) {
    return Optional.ofNullable(
        switch (type.kind()) {
          case INT, BOOL, DATE, TIME, INTERVAL, UUID, BYTES -> null;
          // Mapped[float] means Float on SQLAlchemy 2.0 and Double on 2.1: say which.
          case FLOAT -> PyExpr.atom(imports.ref(Symbol.sa("Double")));
          case BIGINT -> integerVariant("BigInteger", autoincrementKey);
          case SMALLINT -> integerVariant("SmallInteger", autoincrementKey);
          case STRING -> PyExpr.call(imports.ref(Symbol.sa("String")), java.util.List.of(PyExpr.atom(Integer.toString(type.length()))));
          case TEXT -> PyExpr.atom(imports.ref(Symbol.sa("Text")));
          case DECIMAL -> PyExpr.call(
              imports.ref(Symbol.sa("Numeric")),
              java.util.List.of(PyExpr.atom(Integer.toString(type.precision())), PyExpr.atom(Integer.toString(type.scale()))));
          case DATETIME -> type.timezone()
              ? PyExpr.call(imports.ref(Symbol.sa("DateTime")), java.util.List.of(PyExpr.keyword("timezone", PyExpr.atom("True"))))
              : null;
          case JSON -> PyExpr.atom(imports.ref(Symbol.sa("JSON")));
          case ENUM -> enumType(type.enumName().orElseThrow());
        });
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
