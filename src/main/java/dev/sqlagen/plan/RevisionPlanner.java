package dev.sqlagen.plan;

import dev.sqlagen.migrate.Migration;
import dev.sqlagen.migrate.Operation;
import dev.sqlagen.migrate.Operation.ColumnDef;
import dev.sqlagen.migrate.Operation.Constraint;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Migration} as an Alembic revision module, in autogenerate's own style. */
final class RevisionPlanner {
  private static final String INDENT = "    ";

  private RevisionPlanner() {}

  static RevisionView plan(Migration migration) {
    List<String> enums = new ArrayList<>();
    for (Operation op : migration.upgrade()) {
      if (op instanceof Operation.CreateEnum e) {
        enums.addAll(PyLayout.statement("", enumVariable(e.name()) + " = ", enumType(e.name(), e.values())));
      }
    }
    List<String> identity = List.of(
        "revision: str = " + PyLiterals.string(migration.revision()),
        "down_revision: str | Sequence[str] | None = " + migration.downRevision().map(PyLiterals::string).orElse("None"),
        "branch_labels: str | Sequence[str] | None = None",
        "depends_on: str | Sequence[str] | None = None");
    List<String> docstring = Docstrings.lines("", migration.message() + "\n\nRevision ID: " + migration.revision()
        + "\nRevises: " + migration.downRevision().orElse(""));
    List<String> imports = new ArrayList<>(List.of("import sqlalchemy as sa", "from alembic import op"));
    if (!enums.isEmpty()) {
      imports.add("from sqlalchemy.dialects import postgresql");
    }
    return new RevisionView(docstring, imports, identity, enums, body(migration.upgrade()), body(migration.downgrade()));
  }

  private static List<String> body(List<Operation> operations) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Operation op = operations.get(i);
      if (isAlterForeignKey(op)) {
        // One guarded block for a run of foreign keys that close cycles.
        lines.add(INDENT + "# Foreign keys that close a cycle of tables. SQLite, which cannot ALTER");
        lines.add(INDENT + "# a constraint in, has them inline in CREATE TABLE instead (use_alter).");
        lines.add(INDENT + "if op.get_context().dialect.supports_alter:");
        while (i < operations.size() && isAlterForeignKey(operations.get(i))) {
          statement(operations.get(i++)).forEach(line -> lines.add(INDENT + line));
        }
        i--;
      } else {
        lines.addAll(statement(op));
      }
    }
    return lines.isEmpty() ? List.of(INDENT + "pass") : lines;
  }

  private static boolean isAlterForeignKey(Operation op) {
    return op instanceof Operation.AddForeignKey || op instanceof Operation.DropForeignKey;
  }

  private static List<String> statement(Operation op) {
    if (op instanceof Operation.CreateEnum e) {
      return List.of(INDENT + enumVariable(e.name()) + ".create(op.get_bind(), checkfirst=False)");
    }
    if (op instanceof Operation.DropEnum e) {
      return List.of(INDENT + enumVariable(e.name()) + ".drop(op.get_bind(), checkfirst=False)");
    }
    if (op instanceof Operation.CreateTable table) {
      return PyLayout.statement(INDENT, "", createTable(table));
    }
    if (op instanceof Operation.DropTable table) {
      return List.of(INDENT + "op.drop_table(" + PyLiterals.string(table.table()) + ")");
    }
    if (op instanceof Operation.CreateIndex index) {
      return PyLayout.statement(INDENT, "", PyExpr.call("op.create_index", List.of(
          opName(index.name()),
          PyExpr.str(index.table()),
          strings(index.columns()),
          PyExpr.keyword("unique", PyExpr.atom(index.unique() ? "True" : "False")))));
    }
    if (op instanceof Operation.DropIndex index) {
      return PyLayout.statement(INDENT, "", PyExpr.call("op.drop_index", List.of(
          opName(index.name()), PyExpr.keyword("table_name", PyExpr.str(index.table())))));
    }
    if (op instanceof Operation.AddForeignKey add) {
      Constraint.ForeignKey fk = add.foreignKey();
      List<PyExpr> args = new ArrayList<>(List.of(
          opName(fk.name()), PyExpr.str(add.table()), PyExpr.str(fk.referredTable()), strings(fk.columns()),
          strings(fk.referredColumns())));
      fk.onDelete().ifPresent(action -> args.add(PyExpr.keyword("ondelete", PyExpr.str(action))));
      return PyLayout.statement(INDENT + INDENT, "", PyExpr.call("op.create_foreign_key", args))
          .stream().map(line -> line.substring(INDENT.length())).toList();
    }
    Operation.DropForeignKey drop = (Operation.DropForeignKey) op;
    return PyLayout.statement(INDENT + INDENT, "", PyExpr.call("op.drop_constraint", List.of(
        opName(drop.name()), PyExpr.str(drop.table()), PyExpr.keyword("type_", PyExpr.str("foreignkey")))))
        .stream().map(line -> line.substring(INDENT.length())).toList();
  }

  private static PyExpr createTable(Operation.CreateTable table) {
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.str(table.table()));
    table.columns().forEach(c -> args.add(column(c)));
    table.constraints().forEach(c -> args.add(constraint(c)));
    table.comment().ifPresent(comment -> args.add(PyExpr.keyword("comment", PyExpr.str(comment))));
    return PyExpr.call("op.create_table", args);
  }

  private static PyExpr column(ColumnDef column) {
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.str(column.name()));
    args.add(column.enumTypeName().map(name -> PyExpr.atom(enumVariable(name))).orElseGet(() -> type(column)));
    column.serverDefault().ifPresent(d -> args.add(PyExpr.keyword("server_default", serverDefault(d, column.type()))));
    args.add(PyExpr.keyword("nullable", PyExpr.atom(column.nullable() ? "True" : "False")));
    column.comment().ifPresent(comment -> args.add(PyExpr.keyword("comment", PyExpr.str(comment))));
    return PyExpr.call("sa.Column", args);
  }

  /** The type as autogenerate writes it: {@code sa.String(length=255)}. */
  private static PyExpr type(ColumnDef column) {
    ColumnType type = column.type();
    return switch (type.kind()) {
      case INT -> PyExpr.atom("sa.Integer()");
      case BIGINT -> integer("sa.BigInteger()", column.autoincrementKey());
      case SMALLINT -> integer("sa.SmallInteger()", column.autoincrementKey());
      case STRING -> PyExpr.atom("sa.String(length=" + type.length() + ")");
      case TEXT -> PyExpr.atom("sa.Text()");
      case BOOL -> PyExpr.atom("sa.Boolean()");
      case FLOAT -> PyExpr.atom("sa.Double()");
      case DECIMAL -> PyExpr.atom("sa.Numeric(precision=" + type.precision() + ", scale=" + type.scale() + ")");
      case DATE -> PyExpr.atom("sa.Date()");
      case DATETIME -> PyExpr.atom(type.timezone() ? "sa.DateTime(timezone=True)" : "sa.DateTime()");
      case TIME -> PyExpr.atom("sa.Time()");
      case INTERVAL -> PyExpr.atom("sa.Interval()");
      case UUID -> PyExpr.atom("sa.Uuid()");
      case JSON -> PyExpr.atom("sa.JSON()");
      case BYTES -> PyExpr.atom("sa.LargeBinary()");
      case ENUM -> throw new IllegalStateException("enum columns use their type's variable");
    };
  }

  /** SQLite autoincrements only a column typed exactly INTEGER, as in the models. */
  private static PyExpr integer(String type, boolean autoincrementKey) {
    return autoincrementKey
        ? PyExpr.call(type + ".with_variant", List.of(PyExpr.atom("sa.Integer()"), PyExpr.str("sqlite")))
        : PyExpr.atom(type);
  }

  private static PyExpr serverDefault(ColumnDefault value, ColumnType type) {
    if (value instanceof ColumnDefault.Sql sql) {
      return PyExpr.call("sa.text", List.of(PyExpr.str(sql.expression())));
    }
    return PyExpr.atom(switch (type.kind()) {
      case DATE -> "sa.func.current_date()";
      case TIME -> "sa.func.current_time()";
      default -> "sa.func.now()";
    });
  }

  private static PyExpr constraint(Constraint constraint) {
    PyExpr name = PyExpr.keyword("name", opName(constraint.name()));
    if (constraint instanceof Constraint.ForeignKey fk) {
      List<PyExpr> referred = fk.referredColumns().stream().map(c -> PyExpr.str(fk.referredTable() + "." + c)).toList();
      List<PyExpr> args = new ArrayList<>(List.of(strings(fk.columns()), PyExpr.list(referred), name));
      fk.onDelete().ifPresent(action -> args.add(PyExpr.keyword("ondelete", PyExpr.str(action))));
      if (fk.useAlter()) {
        args.add(PyExpr.keyword("use_alter", PyExpr.atom("True")));
      }
      return PyExpr.call("sa.ForeignKeyConstraint", args);
    }
    List<PyExpr> args = new ArrayList<>();
    List<String> columns = constraint instanceof Constraint.PrimaryKey pk ? pk.columns() : ((Constraint.Unique) constraint).columns();
    columns.forEach(c -> args.add(PyExpr.str(c)));
    args.add(name);
    return PyExpr.call(constraint instanceof Constraint.PrimaryKey ? "sa.PrimaryKeyConstraint" : "sa.UniqueConstraint", args);
  }

  /**
   * An enum type that {@code op.create_table()} must not create (the revision creates it once,
   * so a type shared by tables works): {@code create_type=False}, which only PostgreSQL's ENUM
   * takes on SQLAlchemy 2.0; on other databases it is a plain enum column.
   */
  private static PyExpr enumType(String name, List<String> values) {
    List<PyExpr> args = new ArrayList<>();
    values.forEach(v -> args.add(PyExpr.str(v)));
    args.add(PyExpr.keyword("name", PyExpr.str(name)));
    args.add(PyExpr.keyword("create_type", PyExpr.atom("False")));
    return PyExpr.call("postgresql.ENUM", args);
  }

  static String enumVariable(String dbName) {
    return dbName + "_enum";
  }

  private static PyExpr opName(String name) {
    return PyExpr.call("op.f", List.of(PyExpr.str(name)));
  }

  private static PyExpr strings(List<String> values) {
    return PyExpr.list(values.stream().map(PyExpr::str).toList());
  }
}
