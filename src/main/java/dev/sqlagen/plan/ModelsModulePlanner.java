package dev.sqlagen.plan;

import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.resolved.TableOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plans models.py: enums, the declarative base, and one class per model. */
final class ModelsModulePlanner {
  private static final String INDENT = "    ";

  private final ResolvedSchema schema;
  private final PythonNamesInModule names;
  private final ImportPlan imports;
  private final ColumnTypes types;
  private final ForeignKeyPaths foreignKeys;
  private final Map<String, Entity> entities = new HashMap<>();
  private final boolean asyncAttrs;
  private final TableOrder tableOrder;

  /**
   * @param asyncAttrs whether Base mixes in AsyncAttrs (for async sessions)
   */
  /** The value an enum member stores in the database. */
  String enumValue(String enumName, String member) {
    return schema.enums().stream().filter(e -> e.name().equals(enumName)).findFirst().map(e -> e.value(member)).orElse(member);
  }

  ModelsModulePlanner(ResolvedSchema schema, boolean asyncAttrs) {
    this.schema = schema;
    this.asyncAttrs = asyncAttrs;
    this.tableOrder = schema.tableOrder();
    this.names = new PythonNamesInModule(schema);
    this.imports = new ImportPlan(names.taken());
    this.types = new ColumnTypes(imports, names);
    this.foreignKeys = new ForeignKeyPaths(schema);
    for (Entity entity : schema.entities()) {
      entities.put(entity.name(), entity);
    }
  }

  ModelsModuleView plan(String docText) {
    List<ClassView> enums = schema.enums().stream().map(this::enumClass).toList();
    List<List<String>> helpers = new ArrayList<>();
    if (!enums.isEmpty()) {
      helpers.add(enumValuesHelper());
    }
    if (usesPerDatabaseDefaults()) {
      helpers.add(perDatabaseHelper());
    }
    ClassView base = baseClass();
    List<List<String>> tables = schema.linkTables().stream().map(this::linkTable).toList();
    List<ClassView> mixins = schema.mixins().stream().map(mixin -> ModelClassPlanner.mixin(mixin, this)).toList();
    List<ClassView> classes = new ArrayList<>();
    for (Entity entity : schema.entities()) {
      classes.add(new ModelClassPlanner(entity, this).plan());
    }
    return new ModelsModuleView(Docstrings.lines("", docText), imports.lines(), enums, helpers, base, tables, mixins, classes);
  }

  /**
   * A many-to-many link table: a Core {@code Table} on the same metadata. Its columns are typed
   * where the annotation-free default would not say it; the rest take the type of their key.
   */
  private List<String> linkTable(LinkTable link) {
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.str(link.table()));
    args.add(PyExpr.atom(names.base() + ".metadata"));
    Map<String, List<Column>> composite = new java.util.LinkedHashMap<>();
    for (Column column : link.columns()) {
      Column.ForeignKey fk = column.foreignKey().orElseThrow();
      List<PyExpr> columnArgs = new ArrayList<>();
      columnArgs.add(PyExpr.str(column.name()));
      // The key's type without its SQLite autoincrement variant: this column never autoincrements.
      types.sqlType(column.type(), false).ifPresent(columnArgs::add);
      if (fk.composite().isEmpty()) {
        List<PyExpr> fkArgs = new ArrayList<>(List.of(PyExpr.str(fk.target())));
        fkArgs.addAll(actions(fk));
        columnArgs.add(PyExpr.call(imports.ref(Symbol.sa("ForeignKey")), fkArgs));
      } else {
        composite.computeIfAbsent(fk.composite().get(), k -> new ArrayList<>()).add(column);
      }
      columnArgs.add(PyExpr.keyword("primary_key", PyExpr.atom("True")));
      args.add(PyExpr.call(imports.ref(Symbol.sa("Column")), columnArgs));
    }
    for (List<Column> columns : composite.values()) {
      List<PyExpr> fkArgs = new ArrayList<>(List.of(
          PyExpr.list(columns.stream().map(c -> PyExpr.str(c.name())).toList()),
          PyExpr.list(columns.stream().map(c -> PyExpr.str(c.foreignKey().orElseThrow().target())).toList())));
      fkArgs.addAll(actions(columns.get(0).foreignKey().orElseThrow()));
      args.add(PyExpr.call(imports.ref(Symbol.sa("ForeignKeyConstraint")), fkArgs));
    }
    link.schema().ifPresent(schema -> args.add(PyExpr.keyword("schema", PyExpr.str(schema))));
    return PyLayout.statement("", names.linkTable(link.table()) + " = ", PyExpr.call(imports.ref(Symbol.sa("Table")), args));
  }

  /** A link table's referential actions: ON DELETE CASCADE unless its {@code @through} says otherwise. */
  private static List<PyExpr> actions(Column.ForeignKey fk) {
    List<PyExpr> actions = new ArrayList<>();
    fk.onDelete().ifPresent(action -> actions.add(PyExpr.keyword("ondelete", PyExpr.str(action.sql()))));
    fk.onUpdate().ifPresent(action -> actions.add(PyExpr.keyword("onupdate", PyExpr.str(action.sql()))));
    return actions;
  }

  private ClassView enumClass(EnumType type) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < type.members().size(); i++) {
      members.add(INDENT + names.enumMember(type.members().get(i)) + " = " + PyLiterals.string(type.values().get(i)));
    }
    return new ClassView(
        "class " + names.enumClass(type.name()) + "(" + imports.ref(Symbol.ENUM) + "):",
        type.doc().map(d -> Docstrings.lines(INDENT, d)).orElse(List.of()),
        List.of(members));
  }

  /** The class that server defaults written per database are: {@code sql(postgresql: ..., sqlite: ...)}. */
  static final String PER_DATABASE = "_PerDatabase";

  private boolean usesPerDatabaseDefaults() {
    return java.util.stream.Stream.concat(
            schema.entities().stream().flatMap(e -> e.columns().stream()),
            schema.mixins().stream().flatMap(m -> m.columns().stream()))
        .anyMatch(c -> c.defaultValue().orElse(null) instanceof dev.sqlagen.resolved.ColumnDefault.PerDatabase);
  }

  /**
   * A SQL expression compiled for the database at hand: the first revision, create_all() and
   * autogenerate's comparison each get that database's own; NULL (no default) where none is given.
   */
  private List<String> perDatabaseHelper() {
    String any = imports.ref(Symbol.ANY);
    List<String> lines = new ArrayList<>(List.of(
        "class " + PER_DATABASE + "(" + imports.ref(Symbol.sa("ColumnElement")) + "[" + any + "]):",
        INDENT + "\"\"\"A server default written for each database (postgresql=, sqlite=): each",
        INDENT + "database gets its own SQL, and one without any gets no default (NULL).",
        INDENT + "\"\"\"",
        "",
        INDENT + "inherit_cache = True",
        "",
        INDENT + "def __init__(self, **sql: str) -> None:",
        INDENT + INDENT + "self.sql = sql",
        "",
        "",
        "@" + imports.ref(Symbol.from("sqlalchemy.ext.compiler", "compiles", "compiler")) + "(" + PER_DATABASE + ")"));
    String parameters = "element: " + PER_DATABASE + ", compiler: "
        + imports.ref(Symbol.from("sqlalchemy.sql.compiler", "SQLCompiler", "sql_compiler")) + ", **kw: " + any;
    String flat = "def _per_database_sql(" + parameters + ") -> str:";
    if (flat.length() <= PyLayout.LINE_LENGTH) {
      lines.add(flat);
    } else {
      lines.addAll(List.of("def _per_database_sql(", INDENT + parameters, ") -> str:"));
    }
    lines.add(INDENT + "return element.sql.get(compiler.dialect.name, \"NULL\")");
    return lines;
  }

  private List<String> enumValuesHelper() {
    return List.of(
        "def " + names.enumValuesHelper() + "(enum_class: type[" + imports.ref(Symbol.ENUM) + "]) -> list[str]:",
        INDENT + "\"\"\"Store each member's value, not its name, in the database.\"\"\"",
        INDENT + "return [str(member.value) for member in enum_class]");
  }

  private ClassView baseClass() {
    List<PyExpr> convention = schema.naming().asMap().entrySet().stream()
        .map(e -> PyExpr.entry(e.getKey(), PyExpr.str(e.getValue())))
        .toList();
    PyExpr metadata =
        PyExpr.call(imports.ref(Symbol.sa("MetaData")), List.of(PyExpr.keyword("naming_convention", PyExpr.dict(convention))));
    String bases = (asyncAttrs ? imports.ref(Symbol.from("sqlalchemy.ext.asyncio", "AsyncAttrs", "asyncio_")) + ", " : "")
        + imports.ref(Symbol.orm("DeclarativeBase"));
    return new ClassView(
        "class " + names.base() + "(" + bases + "):",
        Docstrings.lines(INDENT, "Base of every model: one metadata, with a naming convention for constraints."),
        List.of(PyLayout.statement(INDENT, "metadata = ", metadata)));
  }

  /** Whether relationships between two models need {@code foreign_keys=}: SQLAlchemy finds several FKs to join on. */
  boolean ambiguous(String modelA, String modelB) {
    return foreignKeys.ambiguous(modelA, modelB);
  }

  /** Whether a reference from one model to another needs {@code remote_side=}: it joins a table to itself. */
  boolean selfReferential(String model, String target) {
    return foreignKeys.selfReferential(model, target);
  }

  /** Whether a joined-table subclass needs {@code inherit_condition}: another FK links it to its parent's table. */
  boolean ambiguousInheritance(String subclass, String parent) {
    return foreignKeys.ambiguousInheritance(subclass, parent);
  }

  /** Whether a foreign-key column closes a cycle of tables (then {@code use_alter=True}). */
  boolean deferred(Entity entity, Column column) {
    return tableOrder.isDeferred(entity, column);
  }

  Entity entity(String name) {
    return entities.get(name);
  }

  Column primaryKey(String model) {
    return entity(model).primaryKey().get(0);
  }

  PythonNamesInModule names() {
    return names;
  }

  ImportPlan imports() {
    return imports;
  }

  ColumnTypes types() {
    return types;
  }
}
