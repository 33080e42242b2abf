package dev.sqlagen.history;

import dev.sqlagen.state.CheckState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.PrimaryKeyState;
import dev.sqlagen.state.UniqueState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code op.create_table("t", sa.Column(...), ..., sa.PrimaryKeyConstraint(...), ...,
 * schema=..., comment=...)}: the columns, then the constraints over them. Which table a foreign
 * key refers to is left to the caller, who knows the other tables.
 */
final class TableReader {
  /** The referential actions sqlagen writes, as SQL. */
  private static final Set<String> ACTIONS = Set.of("CASCADE", "SET NULL", "RESTRICT");

  private TableReader() {}

  /** @param typeClasses the classes of {@code @@type}s the revision imports, with their modules */
  static TableDraft read(PyNode.Call call, Function<PyNode.Name, EnumState> enumType, Map<String, String> typeClasses) {
    Nodes.positional(call, 1, Integer.MAX_VALUE);
    Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("schema", "comment"));
    String name = Nodes.string(call.args().get(0), "the table's name");
    TableDraft table = new TableDraft(
        name,
        Nodes.keyword(keywords, "schema").map(s -> Nodes.string(s, "the table's schema")),
        Nodes.keyword(keywords, "comment").map(c -> Nodes.string(c, "the table's comment")));
    List<PyNode.Call> constraints = new ArrayList<>();
    for (PyNode item : call.args().subList(1, call.args().size())) {
      switch (Nodes.callee(item)) {
        case "sa.Column" -> {
          ColumnDraft column = ColumnReader.read((PyNode.Call) item, enumType, typeClasses);
          if (!table.add(column)) {
            throw Unreadable.at(item, "a second column named " + column.name() + " in the table " + name);
          }
        }
        case "sa.PrimaryKeyConstraint", "sa.ForeignKeyConstraint", "sa.UniqueConstraint", "sa.CheckConstraint" ->
            constraints.add((PyNode.Call) item);
        default -> throw Unreadable.at(item, Nodes.quote(item) + " in op.create_table(), which sqlagen does not write there");
      }
    }
    if (!table.hasColumns()) {
      throw Unreadable.at(call, "op.create_table() of the table " + name + " without columns");
    }
    for (PyNode.Call constraint : constraints) {
      constraint(table, constraint);
    }
    if (!table.hasPrimaryKey()) {
      throw Unreadable.at(call.args().get(0), "the table " + name + " without sa.PrimaryKeyConstraint(), which sqlagen always writes");
    }
    return table;
  }

  private static void constraint(TableDraft table, PyNode.Call call) {
    String callee = call.callee().dotted().orElseThrow();
    if (callee.equals("sa.ForeignKeyConstraint")) {
      table.add(foreignKey(table, call));
      return;
    }
    Nodes.positional(call, 1, callee.equals("sa.CheckConstraint") ? 1 : Integer.MAX_VALUE);
    Map<String, PyNode> keywords = Nodes.keywords(call,
        callee.equals("sa.UniqueConstraint") ? Set.of("name", "postgresql_nulls_not_distinct") : Set.of("name"), "name");
    String name = Nodes.opName(keywords.get("name"), "the constraint's name");
    switch (callee) {
      case "sa.CheckConstraint" -> table.add(new CheckState(name, Nodes.string(call.args().get(0), "the check's SQL")));
      case "sa.UniqueConstraint" -> table.add(new UniqueState(name, columns(table, call.args(), "the unique constraint"),
          Nodes.keyword(keywords, "postgresql_nulls_not_distinct").map(n -> Nodes.bool(n, "postgresql_nulls_not_distinct")).orElse(false)));
      default -> {
        if (table.hasPrimaryKey()) {
          throw Unreadable.at(call, "a second primary key for the table " + table.name());
        }
        table.primaryKey(new PrimaryKeyState(name, columns(table, call.args(), "the primary key")));
      }
    }
  }

  private static ForeignKeyDraft foreignKey(TableDraft table, PyNode.Call call) {
    Nodes.positional(call, 2, 2);
    Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("name", "ondelete", "onupdate", "use_alter"), "name");
    Nodes.strings(call.args().get(0), "the foreign key's columns");
    List<String> columns = columns(table, ((PyNode.ListDisplay) call.args().get(0)).items(), "the foreign key");
    List<String> referred = Nodes.strings(call.args().get(1), "the referred columns");
    if (referred.size() != columns.size()) {
      throw Unreadable.at(call.args().get(1), columns.size() + " foreign-key columns referring to " + referred.size() + " columns");
    }
    Optional<PyNode> useAlter = Nodes.keyword(keywords, "use_alter");
    if (useAlter.isPresent() && !Nodes.bool(useAlter.get(), "use_alter")) {
      throw Unreadable.at(useAlter.get(), "use_alter=False, which sqlagen does not write");
    }
    return new ForeignKeyDraft(
        Nodes.opName(keywords.get("name"), "the foreign key's name"),
        columns,
        referred,
        action(keywords, "ondelete"),
        action(keywords, "onupdate"),
        useAlter.isPresent(),
        call,
        call.args().get(1));
  }

  static Optional<String> action(Map<String, PyNode> keywords, String keyword) {
    Optional<PyNode> node = Nodes.keyword(keywords, keyword);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    String action = Nodes.string(node.get(), keyword);
    if (!ACTIONS.contains(action)) {
      throw Unreadable.at(node.get(), keyword + "=" + node.get().canonical() + ", where sqlagen writes CASCADE, SET NULL or RESTRICT");
    }
    return Optional.of(action);
  }

  /** Column names of the table, each once. */
  static List<String> columns(TableDraft table, List<PyNode> nodes, String what) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (PyNode node : nodes) {
      String column = Nodes.string(node, "a column of " + what);
      if (table.column(column).isEmpty()) {
        throw Unreadable.at(node, what + " names " + node.canonical() + ", which is no column of the table " + table.name());
      }
      if (!seen.add(column)) {
        throw Unreadable.at(node, what + " names the column " + node.canonical() + " twice");
      }
      names.add(column);
    }
    return names;
  }
}
