package dev.sqlagen.history;

import dev.sqlagen.history.RevisionModule.EnumVariable;
import dev.sqlagen.resolved.IndexOptions;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.IndexState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the body of {@code upgrade()} on paper: every operation must be one sqlagen writes, and
 * must work where it stands, as it would on PostgreSQL (a schema, enum type or table exists
 * before it is used). What the operations leave is the state.
 */
final class UpgradeReader {
  private static final String SQLITE_GUARD = "op.get_context().dialect.name != \"sqlite\"";
  private static final String ALTER_GUARD = "op.get_context().dialect.supports_alter";

  private final RevisionModule module;
  private final List<String> schemas = new ArrayList<>();
  private final List<EnumState> enums = new ArrayList<>();
  private final Set<String> created = new HashSet<>();
  private final Map<String, TableDraft> tables = new LinkedHashMap<>();
  private final Map<String, TableDraft> byQualifiedName = new HashMap<>();

  private UpgradeReader(RevisionModule module) {
    this.module = module;
  }

  static SchemaState read(RevisionModule module) {
    UpgradeReader reader = new UpgradeReader(module);
    List<PyStatement> body = module.upgrade();
    for (int i = 0; i < body.size(); i++) {
      reader.statement(body.get(i), i == 0);
    }
    return reader.state();
  }

  private void statement(PyStatement statement, boolean first) {
    if (statement instanceof PyStatement.Pass || (first && statement instanceof PyStatement.Expr doc && doc.value() instanceof PyNode.Str)) {
      return;
    }
    if (statement instanceof PyStatement.If guard) {
      guarded(guard);
      return;
    }
    if (!(statement instanceof PyStatement.Expr expr && expr.value() instanceof PyNode.Call call)) {
      throw new Unreadable(statement.start(), statement.end(), "a statement that sqlagen does not write in upgrade()");
    }
    String callee = call.callee().dotted().orElse("");
    switch (callee) {
      case "op.create_table" -> createTable(call);
      case "op.create_index" -> createIndex(call);
      case "op.execute", "op.create_foreign_key" -> throw Unreadable.at(call.callee(), callee + "() outside the if statement"
          + " that sqlagen writes around it: if " + (callee.equals("op.execute") ? SQLITE_GUARD : ALTER_GUARD) + ":");
      default -> {
        Optional<EnumVariable> variable = callee.endsWith(".create")
            ? module.enumVariable(callee.substring(0, callee.length() - ".create".length()))
            : Optional.empty();
        if (variable.isEmpty() && callee.endsWith(".create")) {
          throw Unreadable.at(call.callee(), callee + "(), where " + callee.substring(0, callee.length() - ".create".length())
              + " is no enum type variable of this revision");
        }
        if (variable.isEmpty()) {
          throw Unreadable.at(call.callee(), callee.isEmpty() ? "a call that sqlagen does not write in upgrade()"
              : callee + "(), which sqlagen does not write in a first revision");
        }
        createEnum(call, variable.get());
      }
    }
  }

  /** The two guards sqlagen writes: schemas where there are schemas, cycle-closing keys where ALTER works. */
  private void guarded(PyStatement.If guard) {
    String test = guard.test().canonical();
    if (!test.equals(SQLITE_GUARD) && !test.equals(ALTER_GUARD)) {
      throw Unreadable.at(guard.test(), "the condition " + Nodes.quote(guard.test()) + ", which sqlagen does not write");
    }
    String operation = test.equals(SQLITE_GUARD) ? "op.execute" : "op.create_foreign_key";
    for (PyStatement statement : guard.body()) {
      if (!(statement instanceof PyStatement.Expr expr && Nodes.isCall(expr.value(), operation))) {
        throw new Unreadable(statement.start(), statement.end(), "a statement other than " + operation + "() under if " + test + ":");
      }
      PyNode.Call call = (PyNode.Call) ((PyStatement.Expr) statement).value();
      if (operation.equals("op.execute") && isCreateCitext(call)) {
        continue; // the extension is no part of the state: the column types that need it are
      }
      if (operation.equals("op.execute")) {
        createSchema(call);
      } else {
        addForeignKey(call);
      }
    }
  }

  /** {@code op.execute("CREATE EXTENSION IF NOT EXISTS citext")}, which sqlagen writes before the first citext column. */
  private static boolean isCreateCitext(PyNode.Call call) {
    return call.args().size() == 1 && call.keywords().isEmpty() && call.args().get(0) instanceof PyNode.Str str
        && str.value().equals(dev.sqlagen.migrate.MigrationPlanner.CREATE_CITEXT);
  }

  /** {@code op.execute(CreateSchema("geo"))}. */
  private void createSchema(PyNode.Call call) {
    Nodes.positional(call, 1, 1);
    Nodes.keywords(call, Set.of());
    PyNode.Call ddl = Nodes.call(call.args().get(0), "CreateSchema", "what op.execute() runs");
    if (!module.imported().contains("CreateSchema")) {
      throw Unreadable.at(ddl.callee(), "CreateSchema without 'from sqlalchemy.schema import CreateSchema, DropSchema'");
    }
    Nodes.positional(ddl, 1, 1);
    Nodes.keywords(ddl, Set.of());
    String schema = Nodes.string(ddl.args().get(0), "the schema's name");
    if (schemas.contains(schema)) {
      throw Unreadable.at(ddl, "the schema " + schema + " is created twice");
    }
    schemas.add(schema);
  }

  /** {@code role_enum.create(op.get_bind(), checkfirst=False)}. */
  private void createEnum(PyNode.Call call, EnumVariable variable) {
    Nodes.positional(call, 1, 1);
    PyNode.Call bind = Nodes.call(call.args().get(0), "op.get_bind", "the connection");
    Nodes.positional(bind, 0, 0);
    Nodes.keywords(bind, Set.of());
    if (Nodes.bool(Nodes.keywords(call, Set.of("checkfirst"), "checkfirst").get("checkfirst"), "checkfirst")) {
      throw Unreadable.at(call, "checkfirst=True, where sqlagen writes checkfirst=False");
    }
    if (!created.add(variable.variable())) {
      throw Unreadable.at(call.callee(), "the enum type " + variable.type().name() + " is created twice");
    }
    enums.add(variable.type());
  }

  private void createTable(PyNode.Call call) {
    TableDraft table = TableReader.read(call, this::enumType, module.typeClasses());
    if (tables.containsKey(table.name())) {
      throw Unreadable.at(call.args().get(0), "the table " + table.name() + " is created twice");
    }
    if (table.schema().isPresent() && !schemas.contains(table.schema().get())) {
      PyNode schema = call.keywords().stream().filter(k -> k.name().equals("schema")).findFirst().orElseThrow().value();
      throw Unreadable.at(schema, "the table " + table.name() + " in the schema " + table.schema().get()
          + ", which is not created before it (op.execute(CreateSchema(...)))");
    }
    for (ForeignKeyDraft fk : table.foreignKeys()) {
      // A cycle-closing key may refer to a table created later: it is resolved where it is added.
      if (!fk.useAlter()) {
        resolve(fk, table);
      }
    }
    tables.put(table.name(), table);
    byQualifiedName.put(table.qualifiedName(), table);
  }

  /** The enum type of a column's type variable: one of this revision's, already created. */
  private EnumState enumType(PyNode.Name variable) {
    EnumVariable declared = module.enumVariable(variable.id()).orElseThrow(() -> Unreadable.at(variable,
        variable.id() + " as a column type, which is neither an sa type nor an enum type variable of this revision"));
    if (!created.contains(variable.id())) {
      throw Unreadable.at(variable, "the enum type " + declared.type().name() + " is used before " + variable.id() + ".create()");
    }
    return declared.type();
  }

  /**
   * The table a foreign key's referred columns name: the table itself, or one created before.
   * Looked up by each prefix of the first one that ends before a dot, not searched for: a
   * revision of thousands of tables has thousands of keys.
   */
  private void resolve(ForeignKeyDraft fk, TableDraft owner) {
    String first = fk.referred().get(0);
    TableDraft found = null;
    List<String> columns = null;
    for (int dot = first.indexOf('.'); dot >= 0; dot = first.indexOf('.', dot + 1)) {
      String prefix = first.substring(0, dot);
      TableDraft candidate = owner.qualifiedName().equals(prefix) ? owner : byQualifiedName.get(prefix);
      Optional<List<String>> match = candidate == null ? Optional.empty() : fk.columnsIn(candidate);
      if (match.isPresent()) {
        if (found != null) {
          throw Unreadable.at(fk.referredNode(), "the referred columns " + Nodes.quote(fk.referredNode()) + " could be in the table "
              + found.qualifiedName() + " or " + candidate.qualifiedName());
        }
        found = candidate;
        columns = match.get();
      }
    }
    if (found == null) {
      throw Unreadable.at(fk.referredNode(), "the referred columns " + Nodes.quote(fk.referredNode())
          + " are not all columns of one table created before");
    }
    fk.resolve(found, columns);
  }

  /**
   * {@code op.create_index(op.f("ix_t_a"), "t", ["a", sa.column("b").desc(), sa.text("lower(c)")],
   * unique=False, postgresql_using="gin", postgresql_ops={"a": "text_pattern_ops"},
   * postgresql_where=sa.text("sql"), sqlite_where=sa.text("sql"), postgresql_nulls_not_distinct=True,
   * schema=...)}.
   */
  private void createIndex(PyNode.Call call) {
    Nodes.positional(call, 3, 3);
    Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("unique", "schema", "postgresql_using", "postgresql_ops",
        "postgresql_where", "sqlite_where", "postgresql_nulls_not_distinct"), "unique");
    String name = Nodes.opName(call.args().get(0), "the index's name");
    TableDraft table = table(call.args().get(1), Nodes.keyword(keywords, "schema"), "schema");
    if (!(call.args().get(2) instanceof PyNode.ListDisplay list) || list.items().isEmpty()) {
      throw Unreadable.at(call.args().get(2), "expected a list of the index's columns, found " + Nodes.quote(call.args().get(2)));
    }
    Map<String, String> ops = new HashMap<>();
    Optional<PyNode> opsNode = Nodes.keyword(keywords, "postgresql_ops");
    if (opsNode.isPresent()) {
      if (!(opsNode.get() instanceof PyNode.DictDisplay dict) || dict.keys().isEmpty()) {
        throw Unreadable.at(opsNode.get(), "expected a dict of columns and operator classes, found " + Nodes.quote(opsNode.get()));
      }
      for (int i = 0; i < dict.keys().size(); i++) {
        String column = Nodes.string(dict.keys().get(i), "a column of postgresql_ops");
        if (ops.put(column, Nodes.string(dict.values().get(i), "an operator class")) != null) {
          throw Unreadable.at(dict.keys().get(i), "postgresql_ops names the column " + column + " twice");
        }
      }
    }
    List<IndexColumn> columns = new ArrayList<>();
    for (PyNode item : list.items()) {
      columns.add(indexPart(item, name, table, ops));
    }
    Set<String> named = new HashSet<>();
    columns.stream().filter(c -> !c.expression()).forEach(c -> named.add(c.column()));
    for (String column : ops.keySet()) {
      if (!named.contains(column)) {
        throw Unreadable.at(opsNode.get(), "postgresql_ops names " + column + ", which is no column of the index " + name);
      }
    }
    Optional<String> where = Nodes.keyword(keywords, "postgresql_where").map(w -> sqlText(w, "the index's condition"));
    Optional<String> sqliteWhere = Nodes.keyword(keywords, "sqlite_where").map(w -> sqlText(w, "the index's condition"));
    if (!where.equals(sqliteWhere)) {
      PyNode at = Nodes.keyword(keywords, "sqlite_where").or(() -> Nodes.keyword(keywords, "postgresql_where")).orElseThrow();
      throw Unreadable.at(at, "postgresql_where= and sqlite_where= that differ, where sqlagen writes the same condition for both");
    }
    IndexOptions options = new IndexOptions(
        Nodes.keyword(keywords, "postgresql_using").map(u -> Nodes.string(u, "the index method")),
        where,
        Nodes.keyword(keywords, "postgresql_nulls_not_distinct").map(n -> Nodes.bool(n, "postgresql_nulls_not_distinct")).orElse(false));
    table.add(new IndexState(name, columns, Nodes.bool(keywords.get("unique"), "unique"), options));
  }

  /** One item of an index's list: a column, a descending column, or an expression. */
  private static IndexColumn indexPart(PyNode item, String name, TableDraft table, Map<String, String> ops) {
    String column;
    boolean descending = false;
    if (isDescendingColumn(item)) {
      // A descending column: sa.column("name").desc().
      PyNode.Call desc = (PyNode.Call) item;
      Nodes.positional(desc, 0, 0);
      Nodes.keywords(desc, Set.of());
      PyNode.Call named = (PyNode.Call) ((PyNode.Attribute) desc.callee()).target();
      Nodes.positional(named, 1, 1);
      Nodes.keywords(named, Set.of());
      column = Nodes.string(named.args().get(0), "a descending column");
      descending = true;
    } else if (Nodes.isCall(item, "sa.text")) {
      String sql = sqlText(item, "an expression of the index");
      // Before sa.column("name").desc(), sqlagen wrote a descending column as sa.text("name DESC").
      String before = sql.endsWith(" DESC") ? sql.substring(0, sql.length() - " DESC".length()) : null;
      if (before == null || table.column(before).isEmpty()) {
        return IndexColumn.expression(sql);
      }
      column = before;
      descending = true;
    } else {
      column = Nodes.string(item, "a column of the index");
    }
    if (table.column(column).isEmpty()) {
      throw Unreadable.at(item, "the index " + name + " names " + column + ", which is no column of the table " + table.name());
    }
    return new IndexColumn(column, descending, Optional.ofNullable(ops.get(column)), false);
  }

  /** {@code sa.text("sql")}: the SQL, its escaped colons ("\\:name", not a bind parameter) as written in the schema. */
  private static String sqlText(PyNode node, String what) {
    PyNode.Call text = Nodes.call(node, "sa.text", what);
    Nodes.positional(text, 1, 1);
    Nodes.keywords(text, Set.of());
    return Nodes.string(text.args().get(0), what).replace("\\:", ":");
  }

  /** {@code sa.column("name").desc()}. */
  private static boolean isDescendingColumn(PyNode item) {
    return item instanceof PyNode.Call call && call.callee() instanceof PyNode.Attribute attribute
        && attribute.name().equals("desc") && Nodes.isCall(attribute.target(), "sa.column");
  }

  /**
   * {@code op.create_foreign_key(op.f("fk_..."), "t", "ref", ["a"], ["id"], ondelete=..., onupdate=...,
   * source_schema=..., referent_schema=...)}: adds a key that closes a cycle, which the table's
   * {@code use_alter=True} constraint declares (one key, written twice: inline for SQLite).
   */
  private void addForeignKey(PyNode.Call call) {
    Nodes.positional(call, 5, 5);
    Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("ondelete", "onupdate", "source_schema", "referent_schema"));
    String name = Nodes.opName(call.args().get(0), "the foreign key's name");
    TableDraft table = table(call.args().get(1), Nodes.keyword(keywords, "source_schema"), "source_schema");
    TableDraft referent = table(call.args().get(2), Nodes.keyword(keywords, "referent_schema"), "referent_schema");
    ForeignKeyDraft fk = table.foreignKey(name).filter(ForeignKeyDraft::useAlter).orElseThrow(() -> Unreadable.at(call.args().get(0),
        "op.create_foreign_key() of " + name + ", which the table " + table.name() + " does not declare with use_alter=True"));
    if (fk.added()) {
      throw Unreadable.at(call.args().get(0), "the foreign key " + name + " is added twice");
    }
    List<String> columns = Nodes.strings(call.args().get(3), "the foreign key's columns");
    List<String> referred = Nodes.strings(call.args().get(4), "the referred columns");
    Optional<List<String>> declared = fk.columnsIn(referent);
    if (!columns.equals(fk.columns()) || declared.isEmpty() || !declared.get().equals(referred)
        || !TableReader.action(keywords, "ondelete").equals(fk.onDelete())
        || !TableReader.action(keywords, "onupdate").equals(fk.onUpdate())) {
      throw Unreadable.at(call.callee(), "op.create_foreign_key() of " + name + " differs from the use_alter=True key the table "
          + table.name() + " declares");
    }
    fk.resolve(referent, referred);
    fk.markAdded();
  }

  /** A table created before, by name, in the schema the keyword names (or none). */
  private TableDraft table(PyNode nameNode, Optional<PyNode> schemaNode, String keyword) {
    String name = Nodes.string(nameNode, "a table's name");
    TableDraft table = tables.get(name);
    if (table == null) {
      throw Unreadable.at(nameNode, "the table " + name + ", which is not created before");
    }
    Optional<String> schema = schemaNode.map(s -> Nodes.string(s, keyword));
    if (!schema.equals(table.schema())) {
      throw Unreadable.at(schemaNode.orElse(nameNode), "the table " + name + " is created "
          + table.schema().map(s -> "in the schema " + s).orElse("without a schema") + ", not " + schema.map(s -> "in " + s).orElse("without one"));
    }
    return table;
  }

  private SchemaState state() {
    List<TableState> states = new ArrayList<>();
    for (TableDraft table : tables.values()) {
      for (ForeignKeyDraft fk : table.foreignKeys()) {
        if (!fk.added() && fk.useAlter()) {
          throw Unreadable.at(fk.call(), "the use_alter=True foreign key " + fk.name() + " is never added with op.create_foreign_key()"
              + " under if " + ALTER_GUARD + ":");
        }
      }
      states.add(table.build());
    }
    for (EnumVariable variable : module.enums().values()) {
      if (!created.contains(variable.variable())) {
        PyStatement.Assign statement = variable.statement();
        throw new Unreadable(statement.start(), statement.end(), "the enum type " + variable.type().name() + " is never created");
      }
    }
    return new SchemaState(schemas, enums, states);
  }
}
