package dev.sqlagen.plan;

import dev.sqlagen.resolved.Collection;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.ColumnOptions;
import dev.sqlagen.resolved.Loading;
import dev.sqlagen.resolved.MixinType;
import dev.sqlagen.resolved.Polymorphism;
import dev.sqlagen.resolved.Reference;
import dev.sqlagen.resolved.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one model class: table name and arguments, columns, relationships, then the mapper
 * arguments (last: they name columns above). Also plans mixin classes, which hold columns only.
 */
final class ModelClassPlanner {
  private static final String INDENT = "    ";

  private final Entity entity;
  private final ModelsModulePlanner module;
  private final PythonNamesInModule names;
  private final ImportPlan imports;
  /** Whether the table has a one-column key: asked for every column, so decided once. */

  ModelClassPlanner(Entity entity, ModelsModulePlanner module) {
    this.entity = entity;
    this.module = module;
    this.names = module.names();
    this.imports = module.imports();
  }

  /** A mixin: a plain class whose mapped columns SQLAlchemy copies into each model using it. */
  static ClassView mixin(MixinType mixin, ModelsModulePlanner module) {
    ModelClassPlanner planner = new ModelClassPlanner(null, module);
    List<String> columns = new ArrayList<>();
    for (Column column : mixin.columns()) {
      columns.addAll(planner.column(column, false, false));
      column.doc().ifPresent(doc -> columns.addAll(Docstrings.lines(INDENT, doc)));
    }
    return new ClassView(
        "class " + mixin.name() + ":",
        mixin.doc().map(doc -> Docstrings.lines(INDENT, doc)).orElse(List.of()),
        List.of(columns));
  }

  ClassView plan() {
    List<String> table = new ArrayList<>();
    if (entity.ownsTable()) {
      // A single-table subclass maps to its root's table: no table name or arguments of its own.
      table.add(INDENT + "__tablename__ = " + PyLiterals.string(entity.table()));
      List<PyExpr> tableArgs = tableArgs();
      if (!tableArgs.isEmpty()) {
        table.addAll(PyLayout.statement(INDENT, "__table_args__ = ", PyExpr.tuple(tableArgs)));
      }
    }
    List<String> columns = new ArrayList<>();
    for (Column column : entity.columns()) {
      // A joined-table subclass's key is a foreign key: its value comes from the parent's row.
      // SQLite numbers only a single key typed exactly INTEGER: the variant is for that one.
      boolean autoincrementKey = entity.primaryKey().size() == 1 && column.autoincrement(1);
      columns.addAll(column(column, autoincrementKey, module.deferred(entity, column)));
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
    List<String> bases = new ArrayList<>(entity.mixins());
    bases.add(entity.parent().orElse(names.base()));
    return new ClassView(
        "class " + entity.name() + "(" + String.join(", ", bases) + "):",
        entity.doc().map(doc -> Docstrings.lines(INDENT, doc)).orElse(List.of()),
        List.of(table, columns, relationships, mapperArgs()));
  }

  /**
   * The entries of {@code __table_args__}: constraints and indexes, then the keyword dict
   * (table comment, schema), which SQLAlchemy wants last.
   */
  private List<PyExpr> tableArgs() {
    List<PyExpr> entries = new ArrayList<>();
    if (entity.explicitKey()) {
      // The key's own order (@@pk(a, b)) or name: the columns' primary_key=True would give neither.
      List<PyExpr> args = new ArrayList<>(entity.primaryKey().stream().map(c -> PyExpr.str(c.name())).toList());
      entity.keyName().ifPresent(name -> args.add(PyExpr.keyword("name", PyExpr.str(name))));
      entries.add(PyExpr.call(imports.ref(Symbol.sa("PrimaryKeyConstraint")), args));
    }
    entries.addAll(compositeForeignKeys());
    for (TableConstraint constraint : entity.constraints()) {
      entries.add(tableConstraint(constraint));
    }
    List<PyExpr> keywords = new ArrayList<>();
    entity.comment().ifPresent(comment -> keywords.add(PyExpr.entry("comment", PyExpr.str(comment))));
    entity.schema().ifPresent(schema -> keywords.add(PyExpr.entry("schema", PyExpr.str(schema))));
    if (!keywords.isEmpty()) {
      entries.add(PyExpr.dict(keywords));
    }
    return entries;
  }

  private PyExpr tableConstraint(TableConstraint constraint) {
    if (constraint instanceof TableConstraint.Check check) {
      // The naming convention makes the database name, ck_<table>_<name>, from this name; an exact
      // name (name: "...") is conv(), which the convention leaves as it is.
      PyExpr name = check.explicit()
          ? PyExpr.call(imports.ref(Symbol.from("sqlalchemy.sql.naming", "conv", "naming")), List.of(PyExpr.str(check.dbName())))
          : PyExpr.str(check.name());
      return PyExpr.call(imports.ref(Symbol.sa("CheckConstraint")), List.of(PyExpr.str(check.sql()), PyExpr.keyword("name", name)));
    }
    if (constraint instanceof TableConstraint.Unique unique) {
      List<PyExpr> args = new ArrayList<>(unique.columns().stream().map(PyExpr::str).toList());
      if (unique.explicit()) {
        args.add(PyExpr.keyword("name", PyExpr.str(unique.dbName())));
      }
      if (unique.nullsNotDistinct()) {
        args.add(PyExpr.keyword("postgresql_nulls_not_distinct", PyExpr.atom("True")));
      }
      return PyExpr.call(imports.ref(Symbol.sa("UniqueConstraint")), args);
    }
    TableConstraint.Index index = (TableConstraint.Index) constraint;
    // Named explicitly: the convention would leave a desc() column, an expression, out of the name.
    List<PyExpr> args = new ArrayList<>(List.of(PyExpr.str(index.dbName())));
    for (TableConstraint.IndexColumn column : index.columns()) {
      args.add(column.expression() ? IndexArguments.sql(imports.ref(Symbol.sa("text")), column.column())
          : column.descending() ? PyExpr.call(imports.ref(Symbol.sa("desc")), List.of(PyExpr.str(column.column())))
          : PyExpr.str(column.column()));
    }
    if (index.unique()) {
      args.add(PyExpr.keyword("unique", PyExpr.atom("True")));
    }
    // text() is imported only where a condition uses it.
    String text = index.options().where().isPresent() ? imports.ref(Symbol.sa("text")) : "text";
    args.addAll(IndexArguments.keywords(index.columns(), index.options(), text));
    return PyExpr.call(imports.ref(Symbol.sa("Index")), args);
  }

  /** {@code __mapper_args__}: the polymorphic discriminator and identity, the version column. */
  private List<String> mapperArgs() {
    List<PyExpr> entries = new ArrayList<>();
    entity.polymorphism().ifPresent(p -> {
      p.discriminatorField().ifPresent(field -> entries.add(PyExpr.entry("polymorphic_on", PyExpr.atom(names.attribute(field)))));
      entries.add(PyExpr.entry("polymorphic_identity", identity(p)));
      p.parent().filter(parent -> entity.ownsTable() && module.ambiguousInheritance(entity.name(), parent)).ifPresent(parent -> {
        // Another foreign key joins the two tables: say which one is the inheritance.
        String key = names.attribute(module.primaryKey(entity.name()).field());
        entries.add(PyExpr.entry("inherit_condition", PyExpr.atom(key + " == " + parent + "." + key)));
      });
    });
    entity.versionField().ifPresent(field -> entries.add(PyExpr.entry("version_id_col", PyExpr.atom(names.attribute(field)))));
    // Read-only: SQLAlchemy copies the mapping, and a mutable class attribute is what ruff's
    // RUF012 rejects (mypy also rejects a ClassVar annotation here: Base declares an instance one).
    return entries.isEmpty()
        ? List.of()
        : PyLayout.statement(
            INDENT, "__mapper_args__ = ", PyExpr.call(imports.ref(Symbol.MAPPING_PROXY), List.of(PyExpr.dict(entries))));
  }

  /** The discriminator value of this class's rows: a string, or a member of the discriminator's enum. */
  private PyExpr identity(Polymorphism polymorphism) {
    return polymorphism.identityEnum()
        .map(e -> PyExpr.atom(names.enumClass(e) + "." + names.enumMember(polymorphism.identity())))
        .orElse(PyExpr.str(polymorphism.identity()));
  }

  private List<String> column(Column column, boolean autoincrementKey, boolean deferred) {
    String attribute = names.attribute(column.field());
    ColumnTypes types = module.types();
    String annotation = types.annotation(column.type()) + (column.nullable() ? " | None" : "");
    List<PyExpr> args = new ArrayList<>();
    if (!column.name().equals(attribute)) {
      args.add(PyExpr.str(column.name()));
    }
    types.sqlType(column.type(), autoincrementKey).ifPresent(args::add);
    ColumnOptions options = column.options();
    options.identity().ifPresent(kind -> args.add(PyExpr.call(imports.ref(Symbol.sa("Identity")),
        kind == ColumnOptions.IdentityKind.ALWAYS ? List.of(PyExpr.keyword("always", PyExpr.atom("True"))) : List.of())));
    // persisted=True: STORED on every database (SQLAlchemy 2.1 no longer defaults to it on PostgreSQL).
    options.computed().ifPresent(sql -> args.add(PyExpr.call(imports.ref(Symbol.sa("Computed")),
        List.of(PyExpr.str(sql), PyExpr.keyword("persisted", PyExpr.atom("True"))))));
    column.foreignKey().filter(fk -> fk.composite().isEmpty() && fk.constraint()).ifPresent(fk -> {
      List<PyExpr> fkArgs = new ArrayList<>(List.of(PyExpr.str(fk.target())));
      fkArgs.addAll(foreignKeyOptions(fk, deferred));
      args.add(PyExpr.call(imports.ref(Symbol.sa("ForeignKey")), fkArgs));
    });
    if (column.primaryKey()) {
      args.add(PyExpr.keyword("primary_key", PyExpr.atom("True")));
    }
    // Only where written: @autoincrement(false) on the single integer key, @autoincrement in a composite one.
    options.autoincrement().ifPresent(on -> args.add(PyExpr.keyword("autoincrement", PyExpr.atom(on ? "True" : "False"))));
    if (column.unique()) {
      args.add(PyExpr.keyword("unique", PyExpr.atom("True")));
    }
    if (column.index()) {
      args.add(PyExpr.keyword("index", PyExpr.atom("True")));
    }
    column.defaultValue().ifPresent(d -> {
      args.add(PyExpr.keyword(d.serverSide() ? "server_default" : "default", defaultValue(d, column.type())));
      if (d.inDatabase() && !d.serverSide()) {
        args.add(PyExpr.keyword("server_default", serverDefault(d)));
      }
    });
    // onupdate= runs in SQLAlchemy on every UPDATE, a SQL function included: it is not part of the DDL.
    options.onUpdate().ifPresent(d -> args.add(PyExpr.keyword("onupdate", defaultValue(d, column.type()))));
    column.comment().ifPresent(comment -> args.add(PyExpr.keyword("comment", PyExpr.str(comment))));
    return PyLayout.statement(
        INDENT,
        attribute + ": " + mapped(annotation) + " = ",
        PyExpr.call(imports.ref(Symbol.orm("mapped_column")), args));
  }

  private PyExpr defaultValue(ColumnDefault value, ColumnType type) {
    if (value instanceof ColumnDefault.PythonOnly python) {
      return defaultValue(python.value(), type);
    }
    if (value instanceof ColumnDefault.Number number) {
      return switch (type.kind()) {
        case FLOAT, REAL -> PyExpr.atom(PyLiterals.floating(number.text()));
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
    if (value instanceof ColumnDefault.PerDatabase perDatabase) {
      return PyExpr.call(ModelsModulePlanner.PER_DATABASE, perDatabaseArgs(perDatabase));
    }
    ColumnDefault.Sql sql = (ColumnDefault.Sql) value;
    return PyExpr.call(imports.ref(Symbol.sa("text")), List.of(PyExpr.str(sql.expression())));
  }

  /** {@code postgresql="...", sqlite="..."}: the databases that have an expression. */
  static List<PyExpr> perDatabaseArgs(ColumnDefault.PerDatabase value) {
    List<PyExpr> args = new ArrayList<>();
    value.postgresql().ifPresent(sql -> args.add(PyExpr.keyword("postgresql", PyExpr.str(sql))));
    value.sqlite().ifPresent(sql -> args.add(PyExpr.keyword("sqlite", PyExpr.str(sql))));
    return args;
  }

  /** A literal default as the database's: {@code text("0")}, {@code false()}, {@code "draft"}. */
  private PyExpr serverDefault(ColumnDefault value) {
    if (value instanceof ColumnDefault.Number number) {
      return PyExpr.call(imports.ref(Symbol.sa("text")), List.of(PyExpr.str(number.text())));
    }
    if (value instanceof ColumnDefault.Bool bool) {
      return PyExpr.call(imports.ref(Symbol.sa(bool.value() ? "true" : "false")), List.of());
    }
    if (value instanceof ColumnDefault.Text text) {
      return PyExpr.str(text.value());
    }
    ColumnDefault.EnumMember member = (ColumnDefault.EnumMember) value;
    return PyExpr.str(module.enumValue(member.enumName(), member.member()));
  }

  private List<String> reference(Reference reference) {
    List<PyExpr> args = new ArrayList<>();
    reference.inverse().ifPresent(inverse -> args.add(PyExpr.keyword("back_populates", PyExpr.str(names.attribute(inverse)))));
    Optional<PyExpr> join = ormJoin(entity, reference);
    if (join.isPresent()) {
      args.add(PyExpr.keyword("primaryjoin", join.get()));
    } else if (module.ambiguous(entity.name(), reference.target())) {
      args.add(PyExpr.keyword("foreign_keys", attributes(entity.name(), reference.foreignKeyFields())));
    }
    if (module.selfReferential(entity.name(), reference.target())) {
      // The join is within one table (a self-reference, or two models of one single-table
      // hierarchy): SQLAlchemy would take the foreign key for the remote side, so name the target's key.
      List<String> key = module.entity(reference.target()).primaryKey().stream().map(Column::field).toList();
      args.add(PyExpr.keyword("remote_side", attributes(reference.target(), key)));
    }
    reference.loading().ifPresent(loading -> args.add(PyExpr.keyword("lazy", PyExpr.str(loading.lazy()))));
    if (module.deferred(entity, entity.column(reference.foreignKeyFields().get(0)).orElseThrow())) {
      // Its key closes a cycle of tables: set it by a second UPDATE when both rows are new.
      args.add(PyExpr.keyword("post_update", PyExpr.atom("True")));
    }
    String annotation = reference.target() + (reference.nullable() ? " | None" : "");
    return relationship(reference.field(), mapped(annotation), args);
  }

  private List<String> collection(Collection collection) {
    List<PyExpr> args = new ArrayList<>();
    collection.linkTable().ifPresent(table -> args.add(PyExpr.keyword("secondary", PyExpr.atom(names.linkTable(table)))));
    args.add(PyExpr.keyword("back_populates", PyExpr.str(names.attribute(collection.inverse()))));
    if (collection.kind() != Collection.Kind.MANY_TO_MANY) {
      Entity owner = module.entity(collection.target());
      Reference inverse = owner.references().stream()
          .filter(r -> r.field().equals(collection.inverse()))
          .findFirst()
          .orElseThrow();
      Optional<PyExpr> join = ormJoin(owner, inverse);
      if (join.isPresent()) {
        args.add(PyExpr.keyword("primaryjoin", join.get()));
      } else if (module.ambiguous(entity.name(), collection.target())) {
        args.add(PyExpr.keyword("foreign_keys", attributes(collection.target(), inverse.foreignKeyFields())));
      }
    }
    switch (collection.deletion()) {
      case DELETE_ORPHANS -> {
        args.add(PyExpr.keyword("cascade", PyExpr.str("all, delete-orphan")));
        args.add(PyExpr.keyword("passive_deletes", PyExpr.atom("True")));
      }
      case PASSIVE -> args.add(PyExpr.keyword("passive_deletes", PyExpr.atom("True")));
      case PASSIVE_ALL -> args.add(PyExpr.keyword("passive_deletes", PyExpr.str("all")));
      case DEFAULT -> { }
    }
    boolean writeOnly = collection.loading().equals(Optional.of(Loading.WRITE_ONLY));
    collection.loading().filter(l -> !writeOnly).ifPresent(l -> args.add(PyExpr.keyword("lazy", PyExpr.str(l.lazy()))));
    if (!collection.orderBy().isEmpty()) {
      args.add(PyExpr.keyword("order_by", orderBy(collection)));
    }
    String annotation;
    if (collection.kind() == Collection.Kind.ONE_TO_ONE) {
      annotation = mapped(collection.target() + " | None");
    } else if (writeOnly) {
      // A write-only collection never loads: it is queried, so its annotation is the element type.
      annotation = imports.ref(Symbol.orm("WriteOnlyMapped")) + "[" + collection.target() + "]";
    } else {
      annotation = mapped(imports.ref(Symbol.LIST) + "[" + collection.target() + "]");
    }
    return relationship(collection.field(), annotation, args);
  }

  /** {@code "Post.position"}, or a list for several terms: evaluated by SQLAlchemy once all classes exist. */
  private PyExpr orderBy(Collection collection) {
    List<String> terms = collection.orderBy().stream()
        .map(t -> collection.target() + "." + names.attribute(t.field()) + (t.descending() ? ".desc()" : ""))
        .toList();
    return PyExpr.str(terms.size() == 1 ? terms.get(0) : "[" + String.join(", ", terms) + "]");
  }

  /**
   * For a reference written {@code @fk(..., constraint: false)}, the join SQLAlchemy cannot find
   * without a foreign key: {@code "foreign(Book.author_id) == Author.id"} (an {@code and_()} of
   * such terms for a composite key), on both sides of the relationship.
   */
  private Optional<PyExpr> ormJoin(Entity owner, Reference reference) {
    List<Column> columns = reference.foreignKeyFields().stream().map(f -> owner.column(f).orElseThrow()).toList();
    if (columns.get(0).foreignKey().map(Column.ForeignKey::constraint).orElse(true)) {
      return Optional.empty();
    }
    List<Column> key = module.entity(reference.target()).primaryKey();
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      terms.add("foreign(" + owner.name() + "." + names.attribute(columns.get(i).field()) + ") == "
          + reference.target() + "." + names.attribute(key.get(i).field()));
    }
    return Optional.of(PyExpr.str(terms.size() == 1 ? terms.get(0) : "and_(" + String.join(", ", terms) + ")"));
  }

  /** {@code "Model.field"}, or {@code "[Model.a, Model.b]"} for a key of several columns. */
  private PyExpr attributes(String model, List<String> fields) {
    List<String> refs = fields.stream().map(f -> model + "." + names.attribute(f)).toList();
    return PyExpr.str(refs.size() == 1 ? refs.get(0) : "[" + String.join(", ", refs) + "]");
  }

  /** {@code ForeignKeyConstraint}s for references whose key has several columns. */
  private List<PyExpr> compositeForeignKeys() {
    List<PyExpr> constraints = new ArrayList<>();
    for (Reference reference : entity.references()) {
      if (reference.foreignKeyFields().size() < 2) {
        continue;
      }
      List<Column> columns = reference.foreignKeyFields().stream().map(f -> entity.column(f).orElseThrow()).toList();
      if (!columns.get(0).foreignKey().orElseThrow().constraint()) {
        continue; // @fk(..., constraint: false): the ORM joins on the columns, the database has no constraint
      }
      Column.ForeignKey first = columns.get(0).foreignKey().orElseThrow();
      List<PyExpr> args = new ArrayList<>();
      args.add(PyExpr.list(columns.stream().map(c -> PyExpr.str(c.name())).toList()));
      args.add(PyExpr.list(columns.stream().map(c -> PyExpr.str(c.foreignKey().orElseThrow().target())).toList()));
      args.addAll(foreignKeyOptions(first, module.deferred(entity, columns.get(0))));
      constraints.add(PyExpr.call(imports.ref(Symbol.sa("ForeignKeyConstraint")), args));
    }
    return constraints;
  }

  private static List<PyExpr> foreignKeyOptions(Column.ForeignKey fk, boolean deferred) {
    List<PyExpr> options = new ArrayList<>();
    fk.name().ifPresent(name -> options.add(PyExpr.keyword("name", PyExpr.str(name))));
    fk.onDelete().ifPresent(action -> options.add(PyExpr.keyword("ondelete", PyExpr.str(action.sql()))));
    fk.onUpdate().ifPresent(action -> options.add(PyExpr.keyword("onupdate", PyExpr.str(action.sql()))));
    if (deferred) {
      // The tables reference each other: this key is added once both exist.
      options.add(PyExpr.keyword("use_alter", PyExpr.atom("True")));
    }
    return options;
  }

  private List<String> relationship(String field, String annotation, List<PyExpr> args) {
    return PyLayout.statement(
        INDENT,
        names.attribute(field) + ": " + annotation + " = ",
        PyExpr.call(imports.ref(Symbol.orm("relationship")), args));
  }

  private String mapped(String annotation) {
    return imports.ref(Symbol.orm("Mapped")) + "[" + annotation + "]";
  }

}
