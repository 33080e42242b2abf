package dev.sqlagen.plan;

import dev.sqlagen.migrate.Operation;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.state.CheckState;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.ForeignKeyState;
import dev.sqlagen.state.PrimaryKeyState;
import dev.sqlagen.state.TableState;
import dev.sqlagen.state.UniqueState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Prints one revision operation as Alembic calls, in autogenerate's own style:
 * {@code op.create_table("users", sa.Column("id", sa.Integer(), nullable=False), ...)}.
 * {@code enumVariable} names the module-level variable of an enum type.
 */
final class OperationRenderer {
  static final String INDENT = "    ";

  private final Function<String, String> enumVariable;

  /** What sa.text() takes for a bind parameter (its own pattern); "::" casts are not. */
  private static final java.util.regex.Pattern BIND_PARAMETER = java.util.regex.Pattern.compile("(?<![:\\w\\\\]):(\\w+)(?!:)");

  OperationRenderer(Function<String, String> enumVariable) {
    this.enumVariable = enumVariable;
  }

  List<String> render(Operation op, String indent) {
    if (op instanceof Operation.Note note) {
      return comment(indent, note.text());
    }
    if (op instanceof Operation.Autocommit block) {
      List<String> lines = new ArrayList<>();
      lines.add(indent + "with op.get_context().autocommit_block():");
      block.operations().forEach(inner -> lines.addAll(render(inner, indent + INDENT)));
      return lines;
    }
    if (op instanceof Operation.CreateEnum e) {
      return List.of(indent + enumVariable.apply(e.type().name()) + ".create(op.get_bind(), checkfirst=False)");
    }
    if (op instanceof Operation.DropEnum e) {
      return List.of(indent + enumVariable.apply(e.type().name()) + ".drop(op.get_bind(), checkfirst=False)");
    }
    if (op instanceof Operation.CreateSchema s) {
      return List.of(indent + "op.execute(CreateSchema(" + PyLiterals.string(s.name()) + "))");
    }
    if (op instanceof Operation.DropSchema s) {
      return List.of(indent + "op.execute(DropSchema(" + PyLiterals.string(s.name()) + "))");
    }
    return PyLayout.statement(indent, "", expression(op));
  }

  /** A comment wrapped at the line length, as a reader of the revision sees it. */
  static List<String> comment(String indent, String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent + "#");
    for (String word : text.split(" ")) {
      if (line.length() + 1 + word.length() > PyLayout.LINE_LENGTH && line.length() > indent.length() + 1) {
        lines.add(line.toString());
        line = new StringBuilder(indent + "#");
      }
      line.append(' ').append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private PyExpr expression(Operation op) {
    if (op instanceof Operation.CreateTable create) {
      return createTable(create.table(), create.foreignKeys());
    }
    if (op instanceof Operation.DropTable drop) {
      return call("op.drop_table", drop.table(), PyExpr.str(drop.table().name()));
    }
    if (op instanceof Operation.RenameTable rename) {
      return call("op.rename_table", rename.table(), PyExpr.str(rename.table().name()), PyExpr.str(rename.newName()));
    }
    if (op instanceof Operation.CreateIndex index) {
      List<PyExpr> columns = index.index().columns().stream()
          // A column, not SQL text: SQLAlchemy quotes its name where the database needs it, as in the models.
          .map(c -> c.expression() ? IndexArguments.sql("sa.text", c.column())
              : c.descending() ? PyExpr.call("sa.column(" + PyLiterals.string(c.column()) + ").desc", List.of()) : PyExpr.str(c.column()))
          .toList();
      List<PyExpr> args = new ArrayList<>(List.of(opName(index.index().name()), PyExpr.str(index.table().name()),
          PyExpr.list(columns), PyExpr.keyword("unique", bool(index.index().unique()))));
      args.addAll(IndexArguments.keywords(index.index().columns(), index.index().options(), "sa.text"));
      return call("op.create_index", index.table(), args.toArray(PyExpr[]::new));
    }
    if (op instanceof Operation.DropIndex index) {
      return call("op.drop_index", index.table(), opName(index.name()), PyExpr.keyword("table_name", PyExpr.str(index.table().name())));
    }
    if (op instanceof Operation.AddForeignKey add) {
      ForeignKeyState fk = add.foreignKey();
      List<PyExpr> args = new ArrayList<>(List.of(opName(fk.name()), PyExpr.str(add.table().name()), PyExpr.str(fk.referredTable()),
          strings(fk.columns()), strings(fk.referredColumns())));
      fk.onDelete().ifPresent(action -> args.add(PyExpr.keyword("ondelete", PyExpr.str(action))));
      fk.onUpdate().ifPresent(action -> args.add(PyExpr.keyword("onupdate", PyExpr.str(action))));
      add.table().schema().ifPresent(s -> args.add(PyExpr.keyword("source_schema", PyExpr.str(s))));
      fk.referredSchema().ifPresent(s -> args.add(PyExpr.keyword("referent_schema", PyExpr.str(s))));
      return PyExpr.call("op.create_foreign_key", args);
    }
    if (op instanceof Operation.DropConstraint drop) {
      return call("op.drop_constraint", drop.table(), opName(drop.name()), PyExpr.str(drop.table().name()),
          PyExpr.keyword("type_", PyExpr.str(drop.kind().alembic())));
    }
    if (op instanceof Operation.AddPrimaryKey add) {
      PrimaryKeyState key = add.key();
      return call("op.create_primary_key", add.table(), opName(key.name()), PyExpr.str(add.table().name()), strings(key.columns()));
    }
    if (op instanceof Operation.AddUnique add) {
      UniqueState unique = add.unique();
      List<PyExpr> args = new ArrayList<>(List.of(opName(unique.name()), PyExpr.str(add.table().name()), strings(unique.columns())));
      if (unique.nullsNotDistinct()) {
        args.add(PyExpr.keyword("postgresql_nulls_not_distinct", PyExpr.atom("True")));
      }
      return call("op.create_unique_constraint", add.table(), args.toArray(PyExpr[]::new));
    }
    if (op instanceof Operation.AddCheck add) {
      CheckState check = add.check();
      return call("op.create_check_constraint", add.table(), opName(check.name()), PyExpr.str(add.table().name()),
          PyExpr.str(check.sql()));
    }
    if (op instanceof Operation.AddColumn add) {
      return call("op.add_column", add.table(), PyExpr.str(add.table().name()), column(add.column(), add.column().autoincrement(), true));
    }
    if (op instanceof Operation.DropColumn drop) {
      return call("op.drop_column", drop.table(), PyExpr.str(drop.table().name()), PyExpr.str(drop.column()));
    }
    if (op instanceof Operation.RenameColumn rename) {
      return call("op.alter_column", rename.table(), PyExpr.str(rename.table().name()), PyExpr.str(rename.column()),
          PyExpr.keyword("new_column_name", PyExpr.str(rename.newName())));
    }
    if (op instanceof Operation.AlterColumn alter) {
      return alterColumn(alter);
    }
    if (op instanceof Operation.TableComment comment) {
      List<PyExpr> args = new ArrayList<>(List.of(PyExpr.str(comment.table().name())));
      comment.comment().ifPresent(text -> args.add(PyExpr.str(text)));
      args.add(PyExpr.keyword("existing_comment", comment.previous().<PyExpr>map(PyExpr::str).orElse(PyExpr.atom("None"))));
      comment.table().schema().ifPresent(s -> args.add(PyExpr.keyword("schema", PyExpr.str(s))));
      return PyExpr.call(comment.comment().isPresent() ? "op.create_table_comment" : "op.drop_table_comment", args);
    }
    if (op instanceof Operation.Execute execute) {
      // op.execute() reads a string as sa.text(), where ":name" would be a bind parameter.
      return PyExpr.call("op.execute", List.of(PyExpr.str(BIND_PARAMETER.matcher(execute.sql()).replaceAll("\\\\:$1"))));
    }
    throw new IllegalArgumentException("no rendering for " + op);
  }

  private static PyExpr call(String function, Operation.Table table, PyExpr... args) {
    List<PyExpr> all = new ArrayList<>(List.of(args));
    table.schema().ifPresent(s -> all.add(PyExpr.keyword("schema", PyExpr.str(s))));
    return PyExpr.call(function, all);
  }

  private PyExpr createTable(TableState table, boolean foreignKeys) {
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.str(table.name()));
    java.util.Set<String> foreignKeyColumns = new java.util.HashSet<>();
    table.foreignKeys().forEach(fk -> foreignKeyColumns.addAll(fk.columns()));
    List<String> key = table.primaryKey().columns();
    for (ColumnState c : table.columns()) {
      // SQLAlchemy's own rule, which the revision follows unless the schema says otherwise.
      boolean byDefault = key.size() == 1 && key.get(0).equals(c.name()) && c.type().isInteger()
          && !foreignKeyColumns.contains(c.name());
      args.add(column(c, byDefault, key.size() == 1));
    }
    if (foreignKeys) {
      table.foreignKeys().stream().sorted(Comparator.comparing(ForeignKeyState::name)).forEach(fk -> args.add(foreignKey(fk)));
    }
    args.add(constraint("sa.PrimaryKeyConstraint", table.primaryKey().columns(), table.primaryKey().name()));
    table.uniques().forEach(u -> args.add(unique(u)));
    table.checks().forEach(c -> args.add(PyExpr.call("sa.CheckConstraint",
        List.of(PyExpr.str(c.sql()), PyExpr.keyword("name", opName(c.name()))))));
    table.schema().ifPresent(schema -> args.add(PyExpr.keyword("schema", PyExpr.str(schema))));
    table.comment().ifPresent(comment -> args.add(PyExpr.keyword("comment", PyExpr.str(comment))));
    return PyExpr.call("op.create_table", args);
  }

  private static PyExpr unique(UniqueState unique) {
    List<PyExpr> args = new ArrayList<>();
    unique.columns().forEach(c -> args.add(PyExpr.str(c)));
    args.add(PyExpr.keyword("name", opName(unique.name())));
    if (unique.nullsNotDistinct()) {
      args.add(PyExpr.keyword("postgresql_nulls_not_distinct", PyExpr.atom("True")));
    }
    return PyExpr.call("sa.UniqueConstraint", args);
  }

  private static PyExpr constraint(String function, List<String> columns, String name) {
    List<PyExpr> args = new ArrayList<>();
    columns.forEach(c -> args.add(PyExpr.str(c)));
    args.add(PyExpr.keyword("name", opName(name)));
    return PyExpr.call(function, args);
  }

  private static PyExpr foreignKey(ForeignKeyState fk) {
    String qualifier = fk.referredSchema().map(s -> s + ".").orElse("");
    List<PyExpr> referred = fk.referredColumns().stream().map(c -> PyExpr.str(qualifier + fk.referredTable() + "." + c)).toList();
    List<PyExpr> args = new ArrayList<>(List.of(strings(fk.columns()), PyExpr.list(referred), PyExpr.keyword("name", opName(fk.name()))));
    fk.onDelete().ifPresent(action -> args.add(PyExpr.keyword("ondelete", PyExpr.str(action))));
    fk.onUpdate().ifPresent(action -> args.add(PyExpr.keyword("onupdate", PyExpr.str(action))));
    if (fk.useAlter()) {
      args.add(PyExpr.keyword("use_alter", PyExpr.atom("True")));
    }
    return PyExpr.call("sa.ForeignKeyConstraint", args);
  }

  /**
   * @param autoincrementByDefault whether SQLAlchemy numbers the column without being told (the
   *     table's single integer key that is no foreign key): {@code autoincrement=} says otherwise
   * @param singleKey the table's key has one column (SQLite numbers only such a key)
   */
  PyExpr column(ColumnState column, boolean autoincrementByDefault, boolean singleKey) {
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.str(column.name()));
    args.add(type(column, singleKey));
    column.identity().ifPresent(kind -> args.add(PyExpr.call("sa.Identity",
        List.of(PyExpr.keyword("always", bool(kind == ColumnOptions.IdentityKind.ALWAYS))))));
    column.computed().ifPresent(sql -> args.add(PyExpr.call("sa.Computed",
        List.of(PyExpr.str(sql), PyExpr.keyword("persisted", PyExpr.atom("True"))))));
    column.serverDefault().ifPresent(d -> args.add(PyExpr.keyword("server_default", serverDefault(d, column.type()))));
    if (column.autoincrement() != autoincrementByDefault) {
      args.add(PyExpr.keyword("autoincrement", bool(column.autoincrement())));
    }
    args.add(PyExpr.keyword("nullable", bool(column.nullable())));
    column.comment().ifPresent(comment -> args.add(PyExpr.keyword("comment", PyExpr.str(comment))));
    return PyExpr.call("sa.Column", args);
  }

  private PyExpr alterColumn(Operation.AlterColumn alter) {
    ColumnState from = alter.from();
    ColumnState to = alter.to();
    List<PyExpr> args = new ArrayList<>(List.of(PyExpr.str(alter.table().name()), PyExpr.str(to.name())));
    args.add(PyExpr.keyword("existing_type", type(from)));
    if (!from.type().equals(to.type())) {
      args.add(PyExpr.keyword("type_", type(to)));
    }
    args.add(PyExpr.keyword(from.nullable() == to.nullable() ? "existing_nullable" : "nullable", bool(to.nullable())));
    if (!from.serverDefault().equals(to.serverDefault())) {
      args.add(PyExpr.keyword("server_default", to.serverDefault().map(d -> serverDefault(d, to.type())).orElse(PyExpr.atom("None"))));
      from.serverDefault().ifPresent(d -> args.add(PyExpr.keyword("existing_server_default", serverDefault(d, from.type()))));
    }
    if (!from.comment().equals(to.comment())) {
      args.add(PyExpr.keyword("comment", to.comment().<PyExpr>map(PyExpr::str).orElse(PyExpr.atom("None"))));
      args.add(PyExpr.keyword("existing_comment", from.comment().<PyExpr>map(PyExpr::str).orElse(PyExpr.atom("None"))));
    }
    alter.using().ifPresent(using -> args.add(PyExpr.keyword("postgresql_using", PyExpr.str(using))));
    alter.table().schema().ifPresent(s -> args.add(PyExpr.keyword("schema", PyExpr.str(s))));
    return PyExpr.call("op.alter_column", args);
  }

  /** The type as autogenerate writes it: {@code sa.String(length=255)}. */
  private PyExpr type(ColumnState column) {
    return type(column, true);
  }

  private PyExpr type(ColumnState column, boolean singleKey) {
    ColumnType type = column.type();
    if (type.array()) {
      return sqliteVariant("postgresql.ARRAY(" + elementType(type.element()) + ")", "sa.JSON()");
    }
    return switch (type.kind()) {
      case REAL -> PyExpr.atom("sa.REAL()");
      case CHAR -> PyExpr.atom("sa.CHAR(length=" + type.length() + ")");
      case VARCHAR -> PyExpr.atom("sa.String()");
      case JSONB -> sqliteVariant("postgresql.JSONB()", "sa.JSON()");
      case INET -> sqliteVariant("postgresql.INET()", "sa.String()");
      case CIDR -> sqliteVariant("postgresql.CIDR()", "sa.String()");
      case TSVECTOR -> sqliteVariant("postgresql.TSVECTOR()", "sa.Text()");
      case CITEXT -> sqliteVariant("postgresql.CITEXT()", "sa.Text()");
      case INT -> PyExpr.atom("sa.Integer()");
      case BIGINT -> integer("sa.BigInteger()", column.autoincrement() && singleKey);
      case SMALLINT -> integer("sa.SmallInteger()", column.autoincrement() && singleKey);
      case STRING -> PyExpr.atom("sa.String(length=" + type.length() + ")");
      case TEXT -> PyExpr.atom("sa.Text()");
      case BOOL -> PyExpr.atom("sa.Boolean()");
      case FLOAT -> PyExpr.atom("sa.Double()");
      case DECIMAL -> PyExpr.atom(type.isUnconstrainedDecimal()
          ? "sa.Numeric()"
          : "sa.Numeric(precision=" + type.precision() + ", scale=" + type.scale() + ")");
      case DATE -> PyExpr.atom("sa.Date()");
      case DATETIME -> PyExpr.atom(type.timezone() ? "sa.DateTime(timezone=True)" : "sa.DateTime()");
      case TIME -> PyExpr.atom("sa.Time()");
      case INTERVAL -> PyExpr.atom("sa.Interval()");
      case UUID -> PyExpr.atom("sa.Uuid()");
      case JSON -> PyExpr.atom("sa.JSON()");
      case BYTES -> PyExpr.atom("sa.LargeBinary()");
      case ENUM -> PyExpr.atom(enumVariable.apply(type.enumName().orElseThrow()));
      case CUSTOM -> customType(type.custom().orElseThrow());
    };
  }

  /**
   * A type of {@code @@type}, its class imported by name ({@code from module import Name}, see
   * {@link RevisionPlanner}): {@code MACADDR()}, with its SQLite variant when it has one.
   */
  static PyExpr customType(dev.sqlagen.resolved.CustomType custom) {
    String type = custom.sqlalchemy().instance(custom.sqlalchemy().name());
    return custom.sqlite().map(sqlite -> sqliteVariant(type, sqlite.instance(sqlite.name()))).orElse(PyExpr.atom(type));
  }

  /** A PostgreSQL type with a portable one on SQLite, as in the models. */
  private static PyExpr sqliteVariant(String type, String sqliteType) {
    return PyExpr.call(type + ".with_variant", List.of(PyExpr.atom(sqliteType), PyExpr.str("sqlite")));
  }

  /** An array's element type (the array is JSON on SQLite, so the element needs no variant). */
  static String elementType(ColumnType type) {
    return switch (type.kind()) {
      case INT -> "sa.Integer()";
      case BIGINT -> "sa.BigInteger()";
      case SMALLINT -> "sa.SmallInteger()";
      case BOOL -> "sa.Boolean()";
      case FLOAT -> "sa.Double()";
      case REAL -> "sa.REAL()";
      case STRING -> "sa.String(length=" + type.length() + ")";
      case CHAR -> "sa.CHAR(length=" + type.length() + ")";
      case VARCHAR -> "sa.String()";
      case TEXT -> "sa.Text()";
      case INET -> "postgresql.INET()";
      case CIDR -> "postgresql.CIDR()";
      default -> throw new IllegalArgumentException("no arrays of " + type.kind());
    };
  }

  /** SQLite autoincrements only a column typed exactly INTEGER, as in the models. */
  private static PyExpr integer(String type, boolean autoincrementKey) {
    return autoincrementKey
        ? PyExpr.call(type + ".with_variant", List.of(PyExpr.atom("sa.Integer()"), PyExpr.str("sqlite")))
        : PyExpr.atom(type);
  }

  /** The revision's helper that a server default written per database calls. */
  static final String PER_DATABASE = "per_database";

  /** A database default as SQLAlchemy renders it for each database. */
  static PyExpr serverDefault(ColumnDefault value, ColumnType type) {
    if (value instanceof ColumnDefault.PerDatabase perDatabase) {
      return PyExpr.call(PER_DATABASE, ModelClassPlanner.perDatabaseArgs(perDatabase));
    }
    if (value instanceof ColumnDefault.Sql sql) {
      return PyExpr.call("sa.text", List.of(PyExpr.str(sql.expression())));
    }
    if (value instanceof ColumnDefault.Number number) {
      return PyExpr.call("sa.text", List.of(PyExpr.str(number.text())));
    }
    if (value instanceof ColumnDefault.Text text) {
      return PyExpr.str(text.value());
    }
    if (value instanceof ColumnDefault.EnumMember member) {
      return PyExpr.str(member.member());
    }
    if (value instanceof ColumnDefault.Bool bool) {
      return PyExpr.atom(bool.value() ? "sa.true()" : "sa.false()");
    }
    return PyExpr.atom(switch (type.kind()) {
      case DATE -> "sa.func.current_date()";
      case TIME -> "sa.func.current_time()";
      default -> "sa.func.now()";
    });
  }

  private static PyExpr bool(boolean value) {
    return PyExpr.atom(value ? "True" : "False");
  }

  static PyExpr opName(String name) {
    return PyExpr.call("op.f", List.of(PyExpr.str(name)));
  }

  private static PyExpr strings(List<String> values) {
    return PyExpr.list(values.stream().map(PyExpr::str).toList());
  }
}
