package dev.sqlagen.migrate;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.source.Span;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.StateSpans;
import dev.sqlagen.state.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One direction of a revision: the state before, the state after, which element becomes which,
 * and what the planner finds on the way. {@code upgrade} is false for the downgrade, which may
 * lose data (it reverses the upgrade) and fills required columns that come back with
 * placeholders.
 */
final class Transition {
  final SchemaState before;
  final SchemaState after;
  final Renames renames;
  final boolean upgrade;
  final boolean allowDataLoss;
  final StateSpans beforeSpans;
  final StateSpans afterSpans;
  final List<Finding> findings = new ArrayList<>();
  /** Where the later state declares the first thing the transition changes (its file if nothing says). */
  Span firstChange;
  private final Map<String, String> newTableNames = new HashMap<>();
  private final Map<String, String> newEnumNames = new HashMap<>();

  Transition(SchemaState before, SchemaState after, Renames renames, boolean upgrade, boolean allowDataLoss,
      StateSpans beforeSpans, StateSpans afterSpans) {
    this.before = Objects.requireNonNull(before, "before");
    this.after = Objects.requireNonNull(after, "after");
    this.renames = Objects.requireNonNull(renames, "renames");
    this.upgrade = upgrade;
    this.allowDataLoss = allowDataLoss;
    this.beforeSpans = beforeSpans;
    this.afterSpans = afterSpans;
    this.firstChange = afterSpans.fallback();
    renames.tables.forEach((next, previous) -> newTableNames.put(previous, next));
    renames.enums.forEach((next, previous) -> newEnumNames.put(previous, next));
  }

  /** The name a table of the earlier state has in the later one, if it is kept. */
  Optional<String> newTableName(String oldTable) {
    return Optional.ofNullable(newTableNames.get(oldTable));
  }

  /** The name an enum type of the earlier state has in the later one, if it is kept. */
  Optional<String> newEnumName(String oldType) {
    return Optional.ofNullable(newEnumNames.get(oldType));
  }

  private final Map<String, Map<String, String>> columnsOldToNew = new HashMap<>();

  /** Per kept table of the earlier state (by its new name): its old column names to their new names. */
  Map<String, String> columnsOldToNew(String newTable) {
    return columnsOldToNew.computeIfAbsent(newTable, table -> {
      Map<String, String> map = new HashMap<>();
      renames.columns.getOrDefault(table, Map.of()).forEach((next, previous) -> map.put(previous, next));
      return map;
    });
  }

  /** Whether a table of the earlier state is kept (under its name or another). */
  boolean keeps(String oldTable) {
    return newTableNames.containsKey(oldTable);
  }

  /** Whether an enum type of the earlier state is kept (under its name or another). */
  boolean keepsEnum(String oldType) {
    return newEnumNames.containsKey(oldType);
  }

  /** The columns that have an enum type, per type, in a state: (table, column) pairs. */
  static Map<String, List<Map.Entry<TableState, ColumnState>>> enumColumns(SchemaState state) {
    Map<String, List<Map.Entry<TableState, ColumnState>>> byType = new HashMap<>();
    for (TableState table : state.tables()) {
      for (ColumnState column : table.columns()) {
        column.enumType().ifPresent(type -> byType.computeIfAbsent(type, k -> new ArrayList<>()).add(Map.entry(table, column)));
      }
    }
    return byType;
  }

  /** Whether an old column type is an enum type that the later state no longer has. */
  boolean dropsEnumOf(ColumnType type) {
    return type.enumName().filter(name -> newEnumName(name).isEmpty()).isPresent();
  }

  /** An old column type in the later state's terms: its enum type renamed. */
  ColumnType mapType(ColumnType type) {
    return type.enumName().map(name -> ColumnType.enumOf(newEnumName(name).orElse("\0dropped " + name))).orElse(type);
  }

  /** An old database default in the later state's terms: an enum value renamed with its type. */
  Optional<ColumnDefault> mapDefault(Optional<ColumnDefault> value) {
    return value.map(v -> {
      if (v instanceof ColumnDefault.EnumMember member) {
        String type = newEnumName(member.enumName()).orElse("\0dropped " + member.enumName());
        String renamed = renames.values.getOrDefault(type, Map.of()).entrySet().stream()
            .filter(e -> e.getValue().equals(member.member())).map(Map.Entry::getKey).findFirst().orElse(member.member());
        return new ColumnDefault.EnumMember(type, renamed);
      }
      return v;
    });
  }

  /** An old column as the later state would describe it, under its new name: what to compare. */
  ColumnState mapColumn(ColumnState old, String newName) {
    return new ColumnState(newName, mapType(old.type()), old.nullable(), old.autoincrement(), mapDefault(old.serverDefault()),
        old.identity(), old.computed(), old.comment(), Optional.empty(), Optional.empty());
  }

  EnumState afterEnum(String type) {
    return after.enumType(type).orElseThrow();
  }

  EnumState beforeEnum(String type) {
    return before.enumType(type).orElseThrow();
  }

  /** The column type as SQLite's CREATE TABLE spells it (an enum is a VARCHAR of its longest value there). */
  String sqliteType(ColumnState column, TableState table, SchemaState state) {
    ColumnType type = column.type();
    if (type.enumName().isPresent()) {
      return "VARCHAR(" + state.enumType(type.enumName().get()).map(EnumState::longest).orElse(0) + ")";
    }
    if (type.kind() == ColumnType.Kind.INT || (column.autoincrement() && table.primaryKey().columns().size() == 1)) {
      // SQLite numbers only the single key typed INTEGER; an autoincrement column of a composite key keeps its type.
      return "INTEGER";
    }
    return type.kind() + "/" + type.length() + "/" + type.precision() + "/" + type.scale() + "/" + type.timezone();
  }

  /** Notes a change declared at {@code where}; the first one noted is kept. */
  void changed(Span where) {
    if (firstChange == null || firstChange == afterSpans.fallback()) {
      firstChange = where;
    }
  }

  void find(Finding finding) {
    if (upgrade) {
      findings.add(finding);
    }
  }

  /** The table of the later state by name. */
  TableState afterTable(String name) {
    return after.table(name).orElseThrow();
  }
}
