package dev.sqlagen.history;

import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.state.CheckState;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.ForeignKeyState;
import dev.sqlagen.state.IndexState;
import dev.sqlagen.state.PrimaryKeyState;
import dev.sqlagen.state.TableState;
import dev.sqlagen.state.UniqueState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A table as the revision creates it: what {@code op.create_table()} says, then its indexes. */
final class TableDraft {
  private final String name;
  private final Optional<String> schema;
  private final Optional<String> comment;
  private final String qualifiedName;
  private final Map<String, ColumnDraft> columns = new LinkedHashMap<>();
  private PrimaryKeyState primaryKey;
  private final List<ForeignKeyDraft> foreignKeys = new ArrayList<>();
  private final List<UniqueState> uniques = new ArrayList<>();
  private final List<CheckState> checks = new ArrayList<>();
  private final List<IndexState> indexes = new ArrayList<>();

  TableDraft(String name, Optional<String> schema, Optional<String> comment) {
    this.name = name;
    this.schema = schema;
    this.comment = comment;
    this.qualifiedName = schema.map(s -> s + ".").orElse("") + name;
  }

  String name() {
    return name;
  }

  Optional<String> schema() {
    return schema;
  }

  /** {@code schema.table}, as a foreign key's referred columns start. */
  String qualifiedName() {
    return qualifiedName;
  }

  Optional<ColumnDraft> column(String column) {
    return Optional.ofNullable(columns.get(column));
  }

  boolean hasColumns() {
    return !columns.isEmpty();
  }

  boolean add(ColumnDraft column) {
    return columns.putIfAbsent(column.name(), column) == null;
  }

  boolean hasPrimaryKey() {
    return primaryKey != null;
  }

  void primaryKey(PrimaryKeyState key) {
    primaryKey = key;
  }

  void add(ForeignKeyDraft foreignKey) {
    foreignKeys.add(foreignKey);
  }

  List<ForeignKeyDraft> foreignKeys() {
    return foreignKeys;
  }

  Optional<ForeignKeyDraft> foreignKey(String constraint) {
    return foreignKeys.stream().filter(fk -> fk.name().equals(constraint)).findFirst();
  }

  void add(UniqueState unique) {
    uniques.add(unique);
  }

  void add(CheckState check) {
    checks.add(check);
  }

  void add(IndexState index) {
    indexes.add(index);
  }

  /**
   * The table's state. The autoincrement key is decided as the models decide it: the single
   * integer key column that is not a foreign key, unless {@code autoincrement=} says otherwise. Foreign keys come in the order of their first
   * column, as the schema's columns declare them (the revision sorts them by name); indexes by
   * name.
   */
  TableState build() {
    Set<String> foreignKeyColumns = new HashSet<>();
    foreignKeys.forEach(fk -> foreignKeyColumns.addAll(fk.columns()));
    String key = primaryKey.columns().size() == 1 ? primaryKey.columns().get(0) : null;
    List<ColumnState> states = new ArrayList<>();
    for (ColumnDraft column : columns.values()) {
      boolean byDefault = column.name().equals(key) && column.type().isInteger() && !foreignKeyColumns.contains(column.name());
      if (column.autoincrement().equals(Optional.of(true))
          && (!primaryKey.columns().contains(column.name()) || !column.type().isInteger())) {
        throw Unreadable.at(column.call(), "autoincrement=True on " + column.name()
            + ", which is not an integer column of the primary key, where sqlagen writes it");
      }
      boolean autoincrement = column.autoincrement().orElse(byDefault);
      // SQLite numbers only the single key typed exactly INTEGER.
      boolean variant = autoincrement && key != null && column.type().kind() != ColumnType.Kind.INT;
      if (column.sqliteVariant() != variant) {
        throw Unreadable.at(column.typeNode(), variant
            ? "the autoincrement key " + column.name() + " without .with_variant(sa.Integer(), \"sqlite\"), which sqlagen writes on it"
            : ".with_variant(sa.Integer(), \"sqlite\") on " + column.name() + ", which is not the table's autoincrement key");
      }
      states.add(column.state(autoincrement));
    }
    List<String> order = List.copyOf(columns.keySet());
    List<ForeignKeyState> keys = foreignKeys.stream()
        .sorted(Comparator.comparingInt(fk -> order.indexOf(fk.columns().get(0))))
        .map(ForeignKeyDraft::state)
        .toList();
    // By name, as StateBuilder has them: the order the file creates them in says nothing.
    List<IndexState> byName = indexes.stream().sorted(Comparator.comparing(IndexState::name)).toList();
    return new TableState(name, schema, comment, states, primaryKey, keys, uniques, checks, byName, Optional.empty(), List.of());
  }
}
