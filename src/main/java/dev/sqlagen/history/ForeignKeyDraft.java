package dev.sqlagen.history;

import dev.sqlagen.state.ForeignKeyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code sa.ForeignKeyConstraint} of {@code op.create_table()}. Its referred columns are
 * written {@code "schema.table.column"}, and a table or column name may hold a dot: so which
 * table it refers to is found among the tables the revision creates ({@link #resolve}).
 */
final class ForeignKeyDraft {
  private final String name;
  private final List<String> columns;
  private final List<String> referred;
  private final Optional<String> onDelete;
  private final Optional<String> onUpdate;
  private final boolean useAlter;
  private final PyNode.Call call;
  private final PyNode referredNode;
  private TableDraft referredTable;
  private List<String> referredColumns;
  /** For a use_alter key: whether op.create_foreign_key() has added it. */
  private boolean added;

  ForeignKeyDraft(String name, List<String> columns, List<String> referred, Optional<String> onDelete, Optional<String> onUpdate,
      boolean useAlter, PyNode.Call call, PyNode referredNode) {
    this.name = Objects.requireNonNull(name, "name");
    this.columns = List.copyOf(columns);
    this.referred = List.copyOf(referred);
    this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
    this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
    this.useAlter = useAlter;
    this.call = Objects.requireNonNull(call, "call");
    this.referredNode = Objects.requireNonNull(referredNode, "referredNode");
  }

  String name() {
    return name;
  }

  List<String> columns() {
    return columns;
  }

  /** The referred columns as written: {@code "schema.table.column"}. */
  List<String> referred() {
    return referred;
  }

  Optional<String> onDelete() {
    return onDelete;
  }

  Optional<String> onUpdate() {
    return onUpdate;
  }

  boolean useAlter() {
    return useAlter;
  }

  PyNode.Call call() {
    return call;
  }

  PyNode referredNode() {
    return referredNode;
  }

  boolean added() {
    return added;
  }

  void markAdded() {
    added = true;
  }

  /** The referred columns if {@code table} is the table this key refers to, else empty. */
  Optional<List<String>> columnsIn(TableDraft table) {
    String prefix = table.qualifiedName() + ".";
    List<String> names = new ArrayList<>();
    for (String target : referred) {
      if (!target.startsWith(prefix) || table.column(target.substring(prefix.length())).isEmpty()) {
        return Optional.empty();
      }
      names.add(target.substring(prefix.length()));
    }
    return Optional.of(names);
  }

  void resolve(TableDraft table, List<String> names) {
    referredTable = table;
    referredColumns = List.copyOf(names);
  }

  ForeignKeyState state() {
    if (referredTable == null) {
      throw new IllegalStateException("foreign key " + name + " is not resolved");
    }
    return new ForeignKeyState(name, columns, referredTable.name(), referredTable.schema(), referredColumns, onDelete, onUpdate, useAlter);
  }
}
