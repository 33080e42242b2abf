package dev.sqlagen.plan;

import dev.sqlagen.resolved.Collection;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans one model class: table name and arguments, columns, then relationships. */
final class ModelClassPlanner {
  private static final String INDENT = "    ";

  private final Entity entity;
  private final ModelsModulePlanner module;
  private final PythonNamesInModule names;
  private final ImportPlan imports;
  /** Whether the table has a one-column key: asked for every column, so decided once. */
  private final boolean singleKey;

  ModelClassPlanner(Entity entity, ModelsModulePlanner module) {
    this.entity = entity;
    this.module = module;
    this.names = module.names();
    this.imports = module.imports();
    this.singleKey = entity.primaryKey().size() == 1;
  }

  ClassView plan() {
    List<String> table = new ArrayList<>();
    table.add(INDENT + "__tablename__ = " + PyLiterals.string(entity.table()));
    entity.doc().ifPresent(doc -> table.addAll(
        PyLayout.statement(INDENT, "__table_args__ = ", PyExpr.tuple(List.of(PyExpr.dict(List.of(PyExpr.entry("comment", PyExpr.str(doc)))))))));
    List<String> columns = new ArrayList<>();
    for (Column column : entity.columns()) {
      columns.addAll(column(column));
      column.doc().ifPresent(doc -> columns.addAll(Docstrings.lines(INDENT, doc)));
    }
    List<String> relationships = new ArrayList<>();
    for (Reference reference : entity.references()) {
      relationships.addAll(reference(reference));
      reference.doc().ifPresent(doc -> relationships.addAll(Docstrings.lines(INDENT, doc)));
    }
    for (Collection collection : entity.collections()) {
      relationships.addAll(collection(collection));
      collection.doc().ifPresent(doc -> relationships.addAll(Docstrings.lines(INDENT, doc)));
    }
    return new ClassView(
        "class " + entity.name() + "(" + names.base() + "):",
        entity.doc().map(doc -> Docstrings.lines(INDENT, doc)).orElse(List.of()),
        List.of(table, columns, relationships));
  }

  private List<String> column(Column column) {
    String attribute = names.attribute(column.field());
    ColumnTypes types = module.types();
    String annotation = types.annotation(column.type()) + (column.nullable() ? " | None" : "");
    List<PyExpr> args = new ArrayList<>();
    if (!column.name().equals(attribute)) {
      args.add(PyExpr.str(column.name()));
    }
    boolean autoincrementKey = column.primaryKey() && singleKey && column.type().isInteger();
    types.sqlType(column.type(), autoincrementKey).ifPresent(args::add);
    column.foreignKey().ifPresent(fk -> {
      List<PyExpr> fkArgs = new ArrayList<>(List.of(PyExpr.str(fk.table() + "." + fk.column())));
      if (module.deferred(entity, column)) {
        // The tables reference each other: this key is added once both exist.
        fkArgs.add(PyExpr.keyword("use_alter", PyExpr.atom("True")));
      }
      args.add(PyExpr.call(imports.ref(Symbol.sa("ForeignKey")), fkArgs));
    });
    if (column.primaryKey()) {
      args.add(PyExpr.keyword("primary_key", PyExpr.atom("True")));
    }
    if (column.unique()) {
      args.add(PyExpr.keyword("unique", PyExpr.atom("True")));
    }
    if (column.index()) {
      args.add(PyExpr.keyword("index", PyExpr.atom("True")));
    }
    column.defaultValue().ifPresent(d -> args.add(
        PyExpr.keyword(d.serverSide() ? "server_default" : "default", defaultValue(d, column.type()))));
    column.doc().ifPresent(doc -> args.add(PyExpr.keyword("comment", PyExpr.str(doc))));
    return PyLayout.statement(
        INDENT,
        attribute + ": " + mapped(annotation) + " = ",
        PyExpr.call(imports.ref(Symbol.orm("mapped_column")), args));
  }

  private PyExpr defaultValue(ColumnDefault value, ColumnType type) {
    if (value instanceof ColumnDefault.Number number) {
      return switch (type.kind()) {
        case FLOAT -> PyExpr.atom(PyLiterals.floating(number.text()));
        case DECIMAL -> PyExpr.call(imports.ref(Symbol.DECIMAL), List.of(PyExpr.str(PyLiterals.decimal(number.text()))));
        default -> PyExpr.atom(PyLiterals.integer(number.text()));
      };
    }
    if (value instanceof ColumnDefault.Text text) {
      return PyExpr.str(text.value());
    }
    if (value instanceof ColumnDefault.Bool bool) {
      return PyExpr.atom(bool.value() ? "True" : "False");
    }
    if (value instanceof ColumnDefault.EnumMember member) {
      return PyExpr.atom(names.enumClass(member.enumName()) + "." + names.enumMember(member.member()));
    }
    if (value instanceof ColumnDefault.UuidFactory) {
      return PyExpr.atom(imports.ref(Symbol.UUID4));
    }
    if (value instanceof ColumnDefault.Now) {
      // The database's current value of the column's own kind: CURRENT_DATE for a date column.
      String function = switch (type.kind()) {
        case DATE -> "current_date";
        case TIME -> "current_time";
        default -> "now";
      };
      return PyExpr.atom(imports.ref(Symbol.sa("func")) + "." + function + "()");
    }
    ColumnDefault.Sql sql = (ColumnDefault.Sql) value;
    return PyExpr.call(imports.ref(Symbol.sa("text")), List.of(PyExpr.str(sql.expression())));
  }

  private List<String> reference(Reference reference) {
    List<PyExpr> args = new ArrayList<>();
    reference.inverse().ifPresent(inverse -> args.add(PyExpr.keyword("back_populates", PyExpr.str(names.attribute(inverse)))));
    if (module.ambiguous(entity.name(), reference.target())) {
      args.add(PyExpr.keyword("foreign_keys", PyExpr.str(entity.name() + "." + names.attribute(reference.foreignKeyField()))));
    }
    if (reference.target().equals(entity.name())) {
      // Self-reference: the target side of the join is this table's primary key.
      String key = names.attribute(module.primaryKey(entity.name()).field());
      args.add(PyExpr.keyword("remote_side", PyExpr.str(entity.name() + "." + key)));
    }
    String annotation = reference.target() + (reference.nullable() ? " | None" : "");
    return relationship(reference.field(), annotation, args);
  }

  private List<String> collection(Collection collection) {
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.keyword("back_populates", PyExpr.str(names.attribute(collection.inverse()))));
    if (module.ambiguous(entity.name(), collection.target())) {
      Reference inverse = module.entity(collection.target()).references().stream()
          .filter(r -> r.field().equals(collection.inverse()))
          .findFirst()
          .orElseThrow();
      args.add(PyExpr.keyword("foreign_keys", PyExpr.str(collection.target() + "." + names.attribute(inverse.foreignKeyField()))));
    }
    return relationship(collection.field(), imports.ref(Symbol.LIST) + "[" + collection.target() + "]", args);
  }

  private List<String> relationship(String field, String annotation, List<PyExpr> args) {
    return PyLayout.statement(
        INDENT,
        names.attribute(field) + ": " + mapped(annotation) + " = ",
        PyExpr.call(imports.ref(Symbol.orm("relationship")), args));
  }

  private String mapped(String annotation) {
    return imports.ref(Symbol.orm("Mapped")) + "[" + annotation + "]";
  }

}
