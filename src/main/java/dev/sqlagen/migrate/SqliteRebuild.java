package dev.sqlagen.migrate;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.IndexState;
import dev.sqlagen.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQLite's way to change a table it cannot alter in place (https://sqlite.org/lang_altertable.html):
 * create the new table under a temporary name, copy the rows, drop the old table, rename the new
 * one, and create its indexes. Foreign keys stay off while it runs (migrations/env.py), so rows
 * that point at the table are not touched; env.py checks every foreign key before the commit.
 */
final class SqliteRebuild {
  private final Transition t;
  private final TableState old;
  private final TableState table;
  private final Map<String, String> newToOld;

  SqliteRebuild(Transition t, TableState old, TableState table, Map<String, String> newToOld) {
    this.t = t;
    this.old = old;
    this.table = table;
    this.newToOld = newToOld;
  }

  /** Whether SQLite's ALTER TABLE ADD COLUMN can add this column to a table that has rows. */
  static boolean addsInPlace(ColumnState column) {
    if (column.computed().isPresent() || column.autoincrement() || column.identity().isPresent()) {
      return false;
    }
    // Not CURRENT_TIMESTAMP or an expression: SQLite adds only constant defaults.
    boolean constant = column.serverDefault().map(d -> !(d instanceof ColumnDefault.Now || d instanceof ColumnDefault.Sql || d instanceof ColumnDefault.PerDatabase))
        .orElse(true);
    return constant && (column.nullable() || column.serverDefault().isPresent());
  }

  List<Operation> operations() {
    String temporary = "_sqlagen_new_" + table.name();
    TableState building = new TableState(temporary, table.schema(), table.comment(), table.columns(), table.primaryKey(),
        table.foreignKeys(), table.uniques(), table.checks(), List.of(), table.model(), table.link());
    List<String> into = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (ColumnState column : table.columns()) {
      value(column).ifPresent(value -> {
        into.add(SqlText.quote(column.name()));
        values.add(value);
      });
    }
    List<Operation> ops = new ArrayList<>();
    ops.add(new Operation.CreateTable(building, true));
    if (!into.isEmpty()) {
      ops.add(new Operation.Execute("INSERT INTO " + SqlText.quote(temporary) + " (" + String.join(", ", into) + ") SELECT "
          + String.join(", ", values) + " FROM " + SqlText.quote(old.name())));
    }
    ops.add(new Operation.DropTable(new Operation.Table(old.name(), old.schema())));
    ops.add(new Operation.RenameTable(new Operation.Table(temporary, table.schema()), table.name()));
    for (IndexState index : table.indexes()) {
      ops.add(new Operation.CreateIndex(index, Operation.Table.of(table)));
    }
    return ops;
  }

  /** The SQL that gives a new column its value from the old row, or empty to leave it to its default. */
  private java.util.Optional<String> value(ColumnState column) {
    if (column.computed().isPresent()) {
      return java.util.Optional.empty();
    }
    String was = newToOld.get(column.name());
    if (was != null) {
      ColumnState before = old.column(was).orElseThrow();
      String value = converted(SqlText.quote(was), before, column);
      if (before.nullable() && !column.nullable()) {
        if (column.serverDefault().isPresent()) {
          value = "COALESCE(" + value + ", " + SqlText.literal(column.serverDefault().get(), column.type(), SqlText.Dialect.SQLITE) + ")";
        } else if (!t.upgrade) {
          value = "COALESCE(" + value + ", " + placeholder(column) + ")";
        }
      }
      return java.util.Optional.of(value);
    }
    if (column.autoincrement() || column.serverDefault().isPresent() || column.nullable()) {
      return java.util.Optional.empty();
    }
    if (column.identity().isPresent()) {
      return java.util.Optional.of("rowid");
    }
    return java.util.Optional.of(placeholder(column));
  }

  /**
   * The stored text in the form SQLAlchemy writes and reads for the new type: SQLite keeps a
   * retyped value as it was, and a DATE that holds '2000-01-09 00:00:00.000000' cannot be read.
   */
  private static String converted(String value, ColumnState before, ColumnState column) {
    ColumnType.Kind from = before.type().kind();
    ColumnType.Kind to = column.type().kind();
    if (from == ColumnType.Kind.DATETIME && to == ColumnType.Kind.DATE) {
      return "date(" + value + ")";
    }
    if (from == ColumnType.Kind.DATE && to == ColumnType.Kind.DATETIME) {
      return value + " || ' 00:00:00.000000'";
    }
    return value;
  }

  private String placeholder(ColumnState column) {
    return SqlText.placeholder(column.type(),
        column.type().enumName().map(e -> t.afterEnum(e).values().get(0)), SqlText.Dialect.SQLITE);
  }
}
