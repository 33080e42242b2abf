package dev.sqlagen.migrate;

import dev.sqlagen.diag.Code;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes to enum types. On PostgreSQL: values are added outside the transaction
 * ({@code ALTER TYPE ... ADD VALUE}, so that the rest of the upgrade and the application can use
 * them at once), renamed in place, and a type that loses values or changes their order is
 * rebuilt. SQLite has no enum types: a renamed value is renamed in the rows, and the columns'
 * lengths follow with the tables.
 */
final class EnumChanges {
  private static final List<String> ADD_WHY = List.of(
      "PostgreSQL adds enum values outside the transaction, so that the upgrade and the",
      "application can use them at once; IF NOT EXISTS makes a retried upgrade pass here.");

  private final Transition t;
  private Map<String, List<Map.Entry<TableState, ColumnState>>> afterColumns;
  final List<Step> early = new ArrayList<>();
  final List<Step> late = new ArrayList<>();

  EnumChanges(Transition t) {
    this.t = t;
  }

  void plan() {
    Map<String, List<Map.Entry<TableState, ColumnState>>> beforeColumns = Transition.enumColumns(t.before);
    afterColumns = Transition.enumColumns(t.after);
    List<Operation> added = new ArrayList<>();
    List<Operation> renamedPg = new ArrayList<>();
    List<Operation> renamedSqlite = new ArrayList<>();
    List<Operation> created = new ArrayList<>();
    List<Operation> rebuilt = new ArrayList<>();
    for (EnumState type : t.after.enums()) {
      Optional<EnumState> was = Optional.ofNullable(t.renames.enums.get(type.name())).flatMap(t.before::enumType);
      if (was.isEmpty()) {
        created.add(new Operation.CreateEnum(type));
        continue;
      }
      EnumState old = was.get();
      Map<String, String> renamedValues = t.renames.values.getOrDefault(type.name(), Map.of());
      Map<String, String> oldToNew = new HashMap<>();
      old.values().forEach(v -> oldToNew.put(v, v));
      renamedValues.forEach((next, previous) -> oldToNew.put(previous, next));
      for (Map.Entry<String, String> rename : renamedValues.entrySet()) {
        renamedPg.add(new Operation.Execute("ALTER TYPE " + SqlText.quote(old.name()) + " RENAME VALUE "
            + SqlText.string(rename.getValue()) + " TO " + SqlText.string(rename.getKey())));
        for (Map.Entry<TableState, ColumnState> use : beforeColumns.getOrDefault(old.name(), List.of())) {
          String column = SqlText.quote(use.getValue().name());
          renamedSqlite.add(new Operation.Execute("UPDATE " + SqlText.quote(use.getKey().name()) + " SET " + column + " = "
              + SqlText.string(rename.getKey()) + " WHERE " + column + " = " + SqlText.string(rename.getValue())));
        }
      }
      List<String> kept = old.values().stream().map(oldToNew::get).filter(type.values()::contains).toList();
      List<String> keptInNewOrder = type.values().stream().filter(kept::contains).toList();
      List<String> removed = old.values().stream().filter(v -> !type.values().contains(oldToNew.get(v))).toList();
      if (!removed.isEmpty()) {
        t.find(new Finding(Code.DROPS_ENUM_VALUE, t.afterSpans.enumType(type.name()),
            "enum type " + type.name() + " loses " + (removed.size() == 1 ? "value " : "values ") + String.join(", ", removed),
            "if a value was renamed, write @was(old) on it; to drop it, pass --allow-data-loss (the upgrade fails while a row holds it)",
            true, "Drops " + String.join(", ", removed) + " from " + type.name() + ": the upgrade fails while a row holds one."));
      }
      if (!removed.isEmpty() || !kept.equals(keptInNewOrder)) {
        rebuilt.addAll(rebuild(type));
      } else {
        added.addAll(additions(old, type, oldToNew));
      }
      if (!old.name().equals(type.name())) {
        renamedPg.add(new Operation.Execute("ALTER TYPE " + SqlText.quote(old.name()) + " RENAME TO " + SqlText.quote(type.name())));
      }
    }
    if (!added.isEmpty()) {
      early.add(new Step.PerDialect(List.of(), List.of(new Operation.Autocommit(added)), ADD_WHY));
    }
    if (!renamedPg.isEmpty()) {
      early.add(new Step.PerDialect(renamedSqlite, renamedPg,
          List.of("Enum types are PostgreSQL's; SQLite stores the values as text, renamed in the rows.")));
    }
    if (!created.isEmpty()) {
      early.add(new Step.Common(created));
    }
    if (!rebuilt.isEmpty()) {
      late.add(new Step.PerDialect(List.of(), rebuilt, List.of(
          "PostgreSQL cannot drop or reorder an enum's values: the type is created anew and its columns",
          "converted (a row holding a dropped value stops the upgrade).")));
    }
    List<Operation> dropped = new ArrayList<>();
    List<EnumState> gone = new ArrayList<>(t.before.enums());
    java.util.Collections.reverse(gone);
    for (EnumState type : gone) {
      if (!t.keepsEnum(type.name())) {
        dropped.add(new Operation.DropEnum(type));
      }
    }
    if (!dropped.isEmpty()) {
      late.add(new Step.Common(dropped));
    }
  }

  /** ADD VALUE for each new value, placed after the value before it (or before the first). */
  private List<Operation> additions(EnumState old, EnumState type, Map<String, String> oldToNew) {
    Map<String, String> newToOld = new HashMap<>();
    oldToNew.forEach((previous, next) -> newToOld.put(next, previous));
    List<Operation> ops = new ArrayList<>();
    List<String> values = type.values();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (newToOld.containsKey(value)) {
        continue;
      }
      String place;
      if (i > 0) {
        place = " AFTER " + SqlText.string(newToOld.getOrDefault(values.get(i - 1), values.get(i - 1)));
      } else {
        String next = values.stream().filter(newToOld::containsKey).findFirst().orElseThrow();
        place = " BEFORE " + SqlText.string(newToOld.get(next));
      }
      ops.add(new Operation.Execute("ALTER TYPE " + SqlText.quote(old.name()) + " ADD VALUE IF NOT EXISTS "
          + SqlText.string(value) + place));
    }
    return ops;
  }

  /** The type created anew with the later values, and every column that has it converted. */
  private List<Operation> rebuild(EnumState type) {
    String previous = type.name() + "_sqlagen_old";
    List<Operation> ops = new ArrayList<>();
    ops.add(new Operation.Execute("ALTER TYPE " + SqlText.quote(type.name()) + " RENAME TO " + SqlText.quote(previous)));
    ops.add(new Operation.CreateEnum(type));
    for (Map.Entry<TableState, ColumnState> use : afterColumns.getOrDefault(type.name(), List.of())) {
      TableState table = use.getKey();
      ColumnState column = use.getValue();
      String alter = "ALTER TABLE " + SqlText.qualified(table.schema(), table.name()) + " ALTER COLUMN " + SqlText.quote(column.name());
      if (column.serverDefault().isPresent()) {
        ops.add(new Operation.Execute(alter + " DROP DEFAULT"));
      }
      ops.add(new Operation.Execute(alter + " TYPE " + SqlText.quote(type.name()) + " USING "
          + SqlText.quote(column.name()) + "::text::" + SqlText.quote(type.name())));
      column.serverDefault().ifPresent(d -> ops.add(new Operation.Execute(alter + " SET DEFAULT "
          + SqlText.literal(d, column.type(), SqlText.Dialect.POSTGRESQL))));
    }
    ops.add(new Operation.Execute("DROP TYPE " + SqlText.quote(previous)));
    return ops;
  }
}
