package dev.sqlagen.migrate;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.migrate.Operation.ConstraintKind;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import dev.sqlagen.state.CheckState;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.ForeignKeyState;
import dev.sqlagen.state.IndexState;
import dev.sqlagen.state.PrimaryKeyState;
import dev.sqlagen.state.TableState;
import dev.sqlagen.state.UniqueState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The changes to one table that exists before and after: in place on PostgreSQL (ALTER TABLE
 * statements), and on SQLite the same where SQLite can make them in place (renames, simple
 * columns, indexes), or else a rebuild of the table ({@link SqliteRebuild}). Foreign keys are
 * dropped before, and added after, every table's changes, so that they never point at a column
 * in the middle of a change.
 */
final class TableChanges {
  private final Transition t;
  private final TableState old;
  private final TableState table;
  private final Operation.Table target;
  private final Map<String, String> newToOld;
  private final Map<String, String> oldToNew;

  final List<Operation> dropForeignKeys = new ArrayList<>();
  final List<Operation> addForeignKeys = new ArrayList<>();
  final List<Step> steps = new ArrayList<>();

  /** Operations in PostgreSQL's order, each marked with whether SQLite can run it as it is. */
  private final List<Operation> postgres = new ArrayList<>();
  private final Set<Operation> sqliteToo = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final List<String> rebuildReasons = new ArrayList<>();

  TableChanges(Transition t, TableState old, TableState table) {
    this.t = t;
    this.old = old;
    this.table = table;
    this.target = Operation.Table.of(table);
    this.newToOld = new HashMap<>(t.renames.columns.getOrDefault(table.name(), Map.of()));
    this.oldToNew = t.columnsOldToNew(table.name());
  }

  void plan() {
    renameTable();
    List<Operation> late = new ArrayList<>();
    indexes(late);
    constraints(late);
    foreignKeys(late);
    columns();
    postgres.addAll(late);
    comment();
    assemble();
  }

  private void pg(Operation op) {
    postgres.add(op);
  }

  private void both(Operation op) {
    postgres.add(op);
    sqliteToo.add(op);
  }

  private void rebuild(String reason) {
    if (!rebuildReasons.contains(reason)) {
      rebuildReasons.add(reason);
    }
  }

  private void renameTable() {
    if (!old.name().equals(table.name())) {
      pg(new Operation.RenameTable(new Operation.Table(old.name(), old.schema()), table.name()));
      rebuild("its constraints are named after the table");
    }
    if (!old.schema().equals(table.schema())) {
      pg(new Operation.Execute("ALTER TABLE " + SqlText.qualified(old.schema(), table.name()) + " SET SCHEMA "
          + SqlText.quote(table.schema().orElse("public"))));
    }
    for (ColumnState column : table.columns()) {
      String was = newToOld.get(column.name());
      if (column.autoincrement() && was != null && old.column(was).map(ColumnState::autoincrement).orElse(false)
          && (!was.equals(column.name()) || !old.name().equals(table.name()))) {
        // A SERIAL column's sequence is named after its table and column, as create_all names it.
        postLate.add(new Operation.Execute("ALTER SEQUENCE IF EXISTS "
            + SqlText.qualified(table.schema(), old.name() + "_" + was + "_seq") + " RENAME TO "
            + SqlText.quote(table.name() + "_" + column.name() + "_seq")));
      }
    }
  }

  /** PostgreSQL-only statements that run after the table's other changes (renames of what it owns). */
  private final List<Operation> postLate = new ArrayList<>();

  private List<String> mapColumns(List<String> columns) {
    List<String> mapped = new ArrayList<>();
    for (String column : columns) {
      String next = oldToNew.get(column);
      if (next == null) {
        return null;
      }
      mapped.add(next);
    }
    return mapped;
  }

  /** The same index, its columns renamed as the table's columns are. */
  private boolean sameIndex(IndexState was, IndexState now) {
    List<String> columns = mapColumns(was.columns().stream().map(IndexColumn::column).toList());
    return columns != null && now.unique() == was.unique()
        && now.columns().stream().map(IndexColumn::column).toList().equals(columns)
        && now.columns().stream().map(IndexColumn::descending).toList()
            .equals(was.columns().stream().map(IndexColumn::descending).toList());
  }

  private void indexes(List<Operation> late) {
    Matching<IndexState> matching = Matching.of(old.indexes(), table.indexes(), this::sameIndex, IndexState::name);
    List<IndexState> unmatched = matching.added();
    for (IndexState index : old.indexes()) {
      Optional<IndexState> same = matching.successor(index);
      if (same.isPresent()) {
        if (!same.get().name().equals(index.name())) {
          // After SET SCHEMA (renameTable): the index has moved with its table.
          pg(new Operation.Execute("ALTER INDEX " + SqlText.qualified(table.schema(), index.name()) + " RENAME TO "
              + SqlText.quote(same.get().name())));
          // SQLite renames no index: it drops it and creates it again under the new name.
          sqliteOnly.add(new Operation.DropIndex(index.name(), target));
          sqliteOnlyLate.add(new Operation.CreateIndex(same.get(), target));
        }
      } else {
        both(new Operation.DropIndex(index.name(), target));
      }
    }
    for (IndexState index : unmatched) {
      Operation create = new Operation.CreateIndex(index, target);
      late.add(create);
      sqliteToo.add(create);
      if (index.unique()) {
        needsDistinct(index.columns().stream().map(IndexColumn::column).toList(), "unique index " + index.name());
      }
    }
  }

  /** SQLite's own drops and creations of renamed indexes, when the table is not rebuilt. */
  private final List<Operation> sqliteOnly = new ArrayList<>();
  private final List<Operation> sqliteOnlyLate = new ArrayList<>();

  private void constraints(List<Operation> late) {
    PrimaryKeyState key = table.primaryKey();
    List<String> oldKey = mapColumns(old.primaryKey().columns());
    if (!key.columns().equals(oldKey)) {
      pg(new Operation.DropConstraint(old.primaryKey().name(), ConstraintKind.PRIMARY, target));
      late.add(new Operation.AddPrimaryKey(key, target));
      rebuild("its primary key changes");
      needsDistinct(key.columns(), "the primary key");
    } else if (!key.name().equals(old.primaryKey().name())) {
      postLate.add(renameConstraint(old.primaryKey().name(), key.name()));
    }
    Matching<UniqueState> uniqueMatching = Matching.of(old.uniques(), table.uniques(),
        (was, now) -> now.columns().equals(mapColumns(was.columns())), UniqueState::name);
    for (UniqueState unique : old.uniques()) {
      Optional<UniqueState> same = uniqueMatching.successor(unique);
      if (same.isPresent()) {
        if (!same.get().name().equals(unique.name())) {
          postLate.add(renameConstraint(unique.name(), same.get().name()));
          rebuild("a constraint is renamed");
        }
      } else {
        pg(new Operation.DropConstraint(unique.name(), ConstraintKind.UNIQUE, target));
        rebuild("a unique constraint is dropped");
      }
    }
    for (UniqueState unique : uniqueMatching.added()) {
      late.add(new Operation.AddUnique(unique, target));
      rebuild("a unique constraint is added");
      needsDistinct(unique.columns(), "unique constraint " + unique.name());
    }
    Matching<CheckState> checkMatching = Matching.of(old.checks(), table.checks(), (was, now) -> now.sql().equals(was.sql()),
        CheckState::name);
    for (CheckState check : old.checks()) {
      Optional<CheckState> same = checkMatching.successor(check);
      if (same.isPresent()) {
        if (!same.get().name().equals(check.name())) {
          postLate.add(renameConstraint(check.name(), same.get().name()));
          rebuild("a constraint is renamed");
        }
      } else {
        pg(new Operation.DropConstraint(check.name(), ConstraintKind.CHECK, target));
        rebuild("a CHECK constraint is dropped");
      }
    }
    for (CheckState check : checkMatching.added()) {
      late.add(new Operation.AddCheck(check, target));
      rebuild("a CHECK constraint is added");
    }
  }

  private Operation renameConstraint(String from, String to) {
    return new Operation.Execute("ALTER TABLE " + SqlText.qualified(table.schema(), table.name()) + " RENAME CONSTRAINT "
        + SqlText.quote(from) + " TO " + SqlText.quote(to));
  }

  /** An old foreign key in the later state's terms, or null when a column or table it needs is gone. */
  private ForeignKeyState mapForeignKey(ForeignKeyState fk) {
    List<String> columns = mapColumns(fk.columns());
    Optional<String> referred = t.newTableName(fk.referredTable());
    if (columns == null || referred.isEmpty()) {
      return null;
    }
    Map<String, String> referredColumns = t.columnsOldToNew(referred.get());
    List<String> remote = new ArrayList<>();
    for (String column : fk.referredColumns()) {
      String next = referredColumns.get(column);
      if (next == null) {
        return null;
      }
      remote.add(next);
    }
    TableState referredTable = t.afterTable(referred.get());
    return new ForeignKeyState(fk.name(), columns, referred.get(), referredTable.schema(), remote, fk.onDelete(), fk.onUpdate(),
        fk.useAlter());
  }

  private static boolean sameForeignKey(ForeignKeyState a, ForeignKeyState b) {
    return a.columns().equals(b.columns()) && a.referredTable().equals(b.referredTable())
        && a.referredSchema().equals(b.referredSchema()) && a.referredColumns().equals(b.referredColumns())
        && a.onDelete().equals(b.onDelete()) && a.onUpdate().equals(b.onUpdate());
  }

  private void foreignKeys(List<Operation> late) {
    Matching<ForeignKeyState> matching = Matching.of(old.foreignKeys(), table.foreignKeys(), (was, now) -> {
      ForeignKeyState mapped = mapForeignKey(was);
      return mapped != null && sameForeignKey(now, mapped);
    }, ForeignKeyState::name);
    for (ForeignKeyState fk : old.foreignKeys()) {
      Optional<ForeignKeyState> same = matching.successor(fk);
      if (same.isPresent() && old.schema().equals(fk.referredSchema()) != table.schema().equals(same.get().referredSchema())) {
        // SQLite keeps a foreign key only within one schema (CREATE TABLE leaves out the others).
        rebuild("a foreign key " + (old.schema().equals(fk.referredSchema()) ? "now crosses" : "no longer crosses") + " schemas");
      }
      if (same.isPresent()) {
        if (!same.get().name().equals(fk.name())) {
          postLate.add(renameConstraint(fk.name(), same.get().name()));
          rebuild("a foreign key is renamed");
        }
      } else {
        // Dropped before any table changes, named by the table's old name (the rename comes later).
        dropForeignKeys.add(new Operation.DropConstraint(fk.name(), ConstraintKind.FOREIGN_KEY,
            new Operation.Table(old.name(), old.schema())));
        rebuild("a foreign key is dropped");
      }
    }
    for (ForeignKeyState fk : matching.added()) {
      addForeignKeys.add(new Operation.AddForeignKey(fk, target));
      rebuild("a foreign key is added");
    }
  }

  private void columns() {
    Set<String> oldInConstraints = new HashSet<>(old.primaryKey().columns());
    old.uniques().forEach(u -> oldInConstraints.addAll(u.columns()));
    old.foreignKeys().forEach(f -> oldInConstraints.addAll(f.columns()));
    boolean expressions = !old.checks().isEmpty() || old.columns().stream().anyMatch(c -> c.computed().isPresent());
    List<Operation> adds = new ArrayList<>();
    List<Operation> alters = new ArrayList<>();
    List<Operation> drops = new ArrayList<>();
    for (ColumnState column : table.columns()) {
      String was = newToOld.get(column.name());
      if (was == null) {
        added(column, adds, alters);
        continue;
      }
      ColumnState before = old.column(was).orElseThrow();
      if (!was.equals(column.name())) {
        both(new Operation.RenameColumn(was, column.name(), target));
      }
      changed(before, column, adds, alters, drops);
    }
    for (ColumnState column : old.columns()) {
      if (!oldToNew.containsKey(column.name())) {
        dropped(column, drops, oldInConstraints.contains(column.name()) || expressions || column.computed().isPresent());
      }
    }
    postgres.addAll(adds);
    adds.stream().filter(this::sqliteAddsInPlace).forEach(sqliteToo::add);
    postgres.addAll(alters);
    postgres.addAll(drops);
  }

  private boolean sqliteAddsInPlace(Operation op) {
    return op instanceof Operation.AddColumn add && SqliteRebuild.addsInPlace(add.column());
  }

  /** Comments for the reader of the revision about the table, before its changes. */
  private final List<Operation> notes = new ArrayList<>();

  private void added(ColumnState column, List<Operation> adds, List<Operation> alters) {
    boolean filled = column.serverDefault().isPresent() || column.computed().isPresent() || column.identity().isPresent()
        || column.autoincrement() || column.nullable();
    if (!t.upgrade && column.computed().isEmpty()) {
      // The way back brings a dropped column back, not its data.
      notes.add(new Operation.Note("The upgrade dropped " + table.name() + "." + column.name()
          + " and its data: it comes back " + (column.nullable() ? "empty"
              : column.serverDefault().isPresent() ? "with its default"
              : column.identity().isPresent() || column.autoincrement() ? "numbered anew"
              : "with " + placeholder(column, SqlText.Dialect.POSTGRESQL) + " in every row") + "."));
    }
    if (serial(column)) {
      // SERIAL numbers the existing rows; SQLAlchemy writes it only in CREATE TABLE.
      adds.add(new Operation.Execute("ALTER TABLE " + SqlText.qualified(table.schema(), table.name()) + " ADD COLUMN "
          + SqlText.quote(column.name()) + " " + switch (column.type().kind()) {
            case BIGINT -> "BIGSERIAL";
            case SMALLINT -> "SMALLSERIAL";
            default -> "SERIAL";
          } + " NOT NULL"));
      rebuild("a column is added to its primary key");
      return;
    }
    if (filled) {
      adds.add(new Operation.AddColumn(column, target));
      if (!SqliteRebuild.addsInPlace(column)) {
        rebuild("SQLite cannot add column " + column.name() + " in place");
      }
      return;
    }
    if (t.upgrade) {
      t.find(new Finding(Code.NEEDS_VALUES, t.afterSpans.column(table.name(), column.name()),
          "new required column " + table.name() + "." + column.name() + " has no value for the rows the table has",
          "give it a default (= value) that existing rows get, or make it nullable (?), fill it, then make it required",
          false, ""));
      adds.add(new Operation.AddColumn(column, target));
      return;
    }
    // A downgrade brings back a required column whose data the upgrade dropped: placeholders.
    ColumnState nullable = withNullable(column, true);
    adds.add(new Operation.AddColumn(nullable, target));
    alters.add(new Operation.Execute("UPDATE " + SqlText.qualified(table.schema(), table.name()) + " SET "
        + SqlText.quote(column.name()) + " = " + placeholder(column, SqlText.Dialect.POSTGRESQL)));
    alters.add(new Operation.AlterColumn(nullable, column, Optional.empty(), target));
    rebuild("a required column comes back");
  }

  private String placeholder(ColumnState column, SqlText.Dialect dialect) {
    return SqlText.placeholder(column.type(),
        column.type().enumName().map(e -> t.afterEnum(e).values().get(0)), dialect);
  }

  private static ColumnState withNullable(ColumnState c, boolean nullable) {
    return new ColumnState(c.name(), c.type(), nullable, c.autoincrement(), c.serverDefault(), c.identity(), c.computed(),
        c.comment(), c.field(), c.reference());
  }

  private void changed(ColumnState original, ColumnState column, List<Operation> adds, List<Operation> alters,
      List<Operation> drops) {
    ColumnState before = t.mapColumn(original, column.name());
    ColumnState after = column.physical();
    if (!t.sqliteType(original, old, t.before).equals(t.sqliteType(column, table, t.after))) {
      rebuild("the type of " + column.name() + " changes");
    }
    if (original.serverDefault().orElse(null) instanceof ColumnDefault.EnumMember member
        && before.serverDefault().orElse(null) instanceof ColumnDefault.EnumMember renamed && !renamed.member().equals(member.member())) {
      // PostgreSQL's default follows the renamed value; SQLite's is text in CREATE TABLE.
      rebuild("the default of " + column.name() + " is a renamed enum value");
    }
    if (before.equals(after)) {
      return;
    }
    if (!before.computed().equals(after.computed())) {
      if (after.computed().isPresent()) {
        if (before.computed().isEmpty()) {
          t.find(new Finding(Code.DROPS_COLUMN, t.afterSpans.column(table.name(), column.name()),
              "column " + table.name() + "." + column.name() + " becomes computed: its values would be replaced",
              "pass --allow-data-loss to replace them, or give the computed column a new name", true,
              "Replaces the values of " + table.name() + "." + column.name() + " with computed ones."));
        }
        // PostgreSQL 15 cannot change a generated column's expression: it is computed anew.
        drops.add(0, new Operation.DropColumn(column.name(), target));
        drops.add(1, new Operation.AddColumn(column, target));
        rebuild("a computed column changes");
        return;
      }
      alters.add(new Operation.Execute("ALTER TABLE " + SqlText.qualified(table.schema(), table.name()) + " ALTER COLUMN "
          + SqlText.quote(column.name()) + " DROP EXPRESSION"));
      before = new ColumnState(before.name(), before.type(), before.nullable(), before.autoincrement(), before.serverDefault(),
          before.identity(), Optional.empty(), before.comment(), Optional.empty(), Optional.empty());
      rebuild("a computed column becomes a plain one");
    }
    if (!before.type().equals(after.type())) {
      int longest = original.type().enumName().flatMap(t.before::enumType).map(e -> e.longest()).orElse(0);
      if (!TypeChanges.widens(before.type(), after.type(), longest)) {
        t.find(new Finding(Code.NARROWS_TYPE, t.afterSpans.column(table.name(), column.name()),
            "the type of " + table.name() + "." + column.name() + " changes to one that may not hold every value it holds",
            "pass --allow-data-loss if every value fits the new type (the upgrade fails where one does not)", true,
            "Narrows " + table.name() + "." + column.name() + ": the upgrade fails if a value does not fit."));
      }
      rebuild("a column's type changes");
    }
    if (before.nullable() && !after.nullable()) {
      if (after.serverDefault().isPresent()) {
        alters.add(new Operation.Execute("UPDATE " + SqlText.qualified(table.schema(), table.name()) + " SET "
            + SqlText.quote(column.name()) + " = " + SqlText.literal(after.serverDefault().get(), after.type(), SqlText.Dialect.POSTGRESQL)
            + " WHERE " + SqlText.quote(column.name()) + " IS NULL"));
      } else if (t.upgrade) {
        t.find(new Finding(Code.NEEDS_VALUES, t.afterSpans.column(table.name(), column.name()),
            "column " + table.name() + "." + column.name() + " becomes required, and rows may have no value",
            "give it a default (= value) that rows without one get, or fill it first and pass --allow-data-loss", true,
            "Makes " + table.name() + "." + column.name() + " required: the upgrade fails if a row has no value."));
      } else {
        alters.add(new Operation.Execute("UPDATE " + SqlText.qualified(table.schema(), table.name()) + " SET "
            + SqlText.quote(column.name()) + " = " + placeholder(column, SqlText.Dialect.POSTGRESQL) + " WHERE "
            + SqlText.quote(column.name()) + " IS NULL"));
      }
    }
    if (before.nullable() != after.nullable() || !before.serverDefault().equals(after.serverDefault())) {
      rebuild("a column's nullability or default changes");
    }
    boolean typeChanges = !before.type().equals(after.type());
    if (typeChanges && t.dropsEnumOf(original.type())) {
      // Compared as a type of its own, but altered from while it still exists: under its name.
      before = new ColumnState(before.name(), original.type(), before.nullable(), before.autoincrement(), before.serverDefault(),
          before.identity(), before.computed(), before.comment(), before.field(), before.reference());
    }
    if (typeChanges && before.serverDefault().isPresent()) {
      // The old default may not convert to the new type: off first, then set anew.
      ColumnState undefaulted = withoutDefault(before);
      alters.add(new Operation.AlterColumn(before, undefaulted, Optional.empty(), target));
      before = undefaulted;
    }
    ColumnState plain = new ColumnState(after.name(), after.type(), after.nullable(), before.autoincrement(), after.serverDefault(),
        before.identity(), after.computed(), after.comment(), Optional.empty(), Optional.empty());
    if (!plain.equals(before)) {
      alters.add(new Operation.AlterColumn(before, plain,
          typeChanges ? TypeChanges.using(column.name(), before.type(), after.type()) : Optional.empty(), target));
    }
    // A key is SERIAL or an identity, never both at once: the one it leaves goes first.
    if (serial(after)) {
      identity(before, after, alters);
      autoincrement(before, after, alters);
    } else {
      autoincrement(before, after, alters);
      identity(before, after, alters);
    }
  }

  /** A key the database numbers with a sequence as its default (an identity column has none). */
  private static boolean serial(ColumnState column) {
    return column.autoincrement() && column.identity().isEmpty();
  }

  private static ColumnState withoutDefault(ColumnState c) {
    return new ColumnState(c.name(), c.type(), c.nullable(), c.autoincrement(), Optional.empty(), c.identity(), c.computed(),
        c.comment(), c.field(), c.reference());
  }

  private void identity(ColumnState before, ColumnState after, List<Operation> alters) {
    if (before.identity().equals(after.identity())) {
      return;
    }
    String column = "ALTER TABLE " + SqlText.qualified(table.schema(), table.name()) + " ALTER COLUMN " + SqlText.quote(after.name());
    if (after.identity().isEmpty()) {
      alters.add(new Operation.Execute(column + " DROP IDENTITY IF EXISTS"));
    } else if (before.identity().isEmpty()) {
      alters.add(new Operation.Execute(column + " ADD " + generated(after.identity().get()) + " AS IDENTITY"));
      // Numbering continues after the rows already there.
      alters.add(new Operation.Execute("SELECT setval(pg_get_serial_sequence('"
          + SqlText.qualified(table.schema(), table.name()).replace("'", "''") + "', '" + after.name().replace("'", "''")
          + "'), coalesce(max(" + SqlText.quote(after.name()) + "), 0) + 1, false) FROM "
          + SqlText.qualified(table.schema(), table.name())));
    } else {
      alters.add(new Operation.Execute(column + " SET " + generated(after.identity().get())));
    }
  }

  private static String generated(IdentityKind kind) {
    return kind == IdentityKind.ALWAYS ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT";
  }

  private void autoincrement(ColumnState before, ColumnState after, List<Operation> alters) {
    if (serial(before) == serial(after)) {
      return;
    }
    String qualified = SqlText.qualified(table.schema(), table.name());
    String sequence = SqlText.qualified(table.schema(), table.name() + "_" + after.name() + "_seq");
    String column = SqlText.quote(after.name());
    if (serial(after)) {
      alters.add(new Operation.Execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " OWNED BY " + qualified + "." + column));
      alters.add(new Operation.Execute("ALTER TABLE " + qualified + " ALTER COLUMN " + column + " SET DEFAULT nextval('"
          + sequence.replace("'", "''") + "'::regclass)"));
      alters.add(new Operation.Execute("SELECT setval('" + sequence.replace("'", "''") + "', coalesce(max(" + column
          + "), 0) + 1, false) FROM " + qualified));
    } else {
      alters.add(new Operation.Execute("ALTER TABLE " + qualified + " ALTER COLUMN " + column + " DROP DEFAULT"));
      alters.add(new Operation.Execute("DROP SEQUENCE IF EXISTS " + sequence));
    }
  }

  private void dropped(ColumnState column, List<Operation> drops, boolean sqliteCannot) {
    t.find(new Finding(Code.DROPS_COLUMN, t.afterSpans.table(table.name()),
        "the schema no longer has column " + old.name() + "." + column.name() + ": the revision would drop it and its data",
        "if it was renamed, write @was(" + column.field().orElse(column.name()) + ") on its new field; to drop it, pass --allow-data-loss",
        true, "Drops " + old.name() + "." + column.name() + " and its data."));
    Operation drop = new Operation.DropColumn(column.name(), target);
    drops.add(drop);
    if (sqliteCannot) {
      rebuild("SQLite cannot drop column " + column.name() + " in place");
    } else {
      sqliteToo.add(drop);
    }
  }

  private void needsDistinct(List<String> columns, String what) {
    boolean allNew = columns.stream().allMatch(c -> !newToOld.containsKey(c)
        && table.column(c).map(col -> col.nullable() && col.serverDefault().isEmpty()).orElse(false));
    if (!allNew && !alreadyDistinct(columns)) {
      t.find(new Finding(Code.NEEDS_DISTINCT_VALUES, t.afterSpans.column(table.name(), columns.get(0)),
          what + " of table " + table.name() + " needs distinct values in the rows it has",
          "pass --allow-data-loss if they are distinct (the upgrade fails where they are not)", true,
          "Adds " + what + ": the upgrade fails if existing rows repeat a value."));
    }
  }

  /**
   * Whether the rows are distinct over these (new) columns already: the table was unique over
   * some of them (a primary key, a unique constraint or index), e.g. a unique index that becomes
   * a unique constraint.
   */
  private boolean alreadyDistinct(List<String> columns) {
    List<List<String>> unique = new ArrayList<>();
    unique.add(old.primaryKey().columns());
    old.uniques().forEach(u -> unique.add(u.columns()));
    old.indexes().stream().filter(IndexState::unique).forEach(i -> unique.add(i.columns().stream().map(IndexColumn::column).toList()));
    return unique.stream().map(this::mapColumns)
        .anyMatch(mapped -> mapped != null && !mapped.isEmpty() && columns.containsAll(mapped));
  }

  private void comment() {
    if (!old.comment().equals(table.comment())) {
      pg(new Operation.TableComment(table.comment(), old.comment(), target));
    }
  }

  /** Possible renames: a dropped and an added column of the same type, without a hint. */
  List<Diagnostic> possibleRenames() {
    List<Diagnostic> warnings = new ArrayList<>();
    if (!t.upgrade) {
      return warnings;
    }
    for (ColumnState column : table.columns()) {
      if (newToOld.containsKey(column.name())) {
        continue;
      }
      old.columns().stream()
          .filter(c -> !oldToNew.containsKey(c.name()) && t.mapType(c.type()).equals(column.type()))
          .findFirst()
          .ifPresent(c -> warnings.add(Diagnostic.of(Code.POSSIBLE_RENAME, t.afterSpans.column(table.name(), column.name()),
              "column " + table.name() + "." + column.name() + " is added and " + old.name() + "." + c.name()
                  + " of the same type dropped: a rename would keep its data",
              "if it is a rename, write @was(" + c.field().orElse(c.name()) + ") on this field")));
    }
    return warnings;
  }

  private void assemble() {
    if (!notes.isEmpty()) {
      steps.add(new Step.Common(notes));
    }
    List<Operation> pgOps = new ArrayList<>(postgres);
    pgOps.addAll(postLate);
    if (!rebuildReasons.isEmpty()) {
      List<Operation> sqlite = new SqliteRebuild(t, old, table, newToOld).operations();
      steps.add(new Step.PerDialect(sqlite, pgOps, List.of(
          "SQLite cannot alter " + table.name() + " in place (" + rebuildReasons.get(0) + "): it is rebuilt.")));
      return;
    }
    List<Operation> common = new ArrayList<>();
    List<Operation> pgOnly = new ArrayList<>();
    for (Operation op : pgOps) {
      (sqliteToo.contains(op) ? common : pgOnly).add(op);
    }
    List<Operation> sqliteExtra = new ArrayList<>(sqliteOnly);
    List<Operation> sqliteLate = new ArrayList<>(sqliteOnlyLate);
    if (!common.isEmpty()) {
      steps.add(new Step.Common(common));
    }
    if (!pgOnly.isEmpty() || !sqliteExtra.isEmpty() || !sqliteLate.isEmpty()) {
      List<Operation> sqlite = new ArrayList<>(sqliteExtra);
      sqlite.addAll(sqliteLate);
      steps.add(new Step.PerDialect(sqlite, pgOnly, List.of()));
    }
  }

  /** True when nothing about the table changes. */
  boolean isEmpty() {
    return steps.isEmpty() && dropForeignKeys.isEmpty() && addForeignKeys.isEmpty();
  }
}
