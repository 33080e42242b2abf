package dev.sqlagen.migrate;

import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import dev.sqlagen.state.ForeignKeyState;
import dev.sqlagen.state.IndexState;
import dev.sqlagen.state.LocatedState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.StateSpans;
import dev.sqlagen.state.TableState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Plans a revision from two states of the database: the one the last revision recorded and the
 * one the schema describes now. Each direction is planned on its own (the downgrade is the
 * upgrade's way back), in this order: schemas and enum types the tables need, then every table
 * that exists before and after (foreign keys dropped first and added last), new tables, dropped
 * tables, enum types and schemas no longer needed. The first revision is the same plan from the
 * empty database.
 */
public final class MigrationPlanner {
  private static final List<String> SCHEMA_WHY = List.of(
      "SQLite has no schemas: there these tables live in the main database",
      "(database.py translates the schema away).");

  /** The id of the first revision: fixed, so that output is deterministic. */
  public static final String INITIAL_REVISION = "0001";

  /** What a revision runs on PostgreSQL before the first citext column. */
  public static final String CREATE_CITEXT = "CREATE EXTENSION IF NOT EXISTS citext";

  private MigrationPlanner() {}

  private static boolean usesCitext(SchemaState state) {
    return state.tables().stream().anyMatch(table -> table.columns().stream()
        .anyMatch(column -> column.type().kind() == dev.sqlagen.resolved.ColumnType.Kind.CITEXT));
  }

  /**
   * A planned revision, what planning found (refusals and warnings, in source order), and where
   * the schema declares the first thing it changes (to point at when no revision covers it yet).
   */
  public record Plan(Migration migration, List<Diagnostic> diagnostics, Span firstChange) {
    public Plan {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The first revision: every table of the state, from the empty database. */
  public static Migration initial(SchemaState state, String message) {
    Span nowhere = new Span(new SourceFile("", ""), 1, 1, 0);
    Renames renames = Renames.match(SchemaState.EMPTY, state, dev.sqlagen.state.StateHints.NONE, "");
    Transition up = new Transition(SchemaState.EMPTY, state, renames, true, true, StateSpans.none(nowhere), StateSpans.none(nowhere));
    Transition down = new Transition(state, SchemaState.EMPTY, renames.inverse(), false, true, StateSpans.none(nowhere),
        StateSpans.none(nowhere));
    return new Migration(message, steps(up, new ArrayList<>()), steps(down, new ArrayList<>()), SchemaState.EMPTY, state);
  }

  /**
   * The revision from {@code recorded} to {@code next}.
   *
   * @param recordedName how messages name the recorded state, such as "revision 0002"
   * @param allowDataLoss whether changes that lose data are planned (with a note in the revision)
   *     rather than refused
   */
  public static Plan plan(LocatedState recorded, LocatedState next, String recordedName, boolean allowDataLoss, String message) {
    Renames renames = Renames.match(recorded.state(), next.state(), next.hints(), recordedName);
    Transition up = new Transition(recorded.state(), next.state(), renames, true, allowDataLoss, recorded.spans(), next.spans());
    List<Diagnostic> warnings = new ArrayList<>();
    List<Step> upgrade = steps(up, warnings);
    Transition down = new Transition(next.state(), recorded.state(), renames.inverse(), false, true, next.spans(),
        recorded.spans());
    List<Step> downgrade = steps(down, new ArrayList<>());
    List<Diagnostic> diagnostics = new ArrayList<>(renames.diagnostics());
    diagnostics.addAll(warnings);
    List<Operation> notes = new ArrayList<>();
    for (Finding finding : up.findings) {
      if (allowDataLoss && finding.overridable()) {
        notes.add(new Operation.Note("Accepted (--allow-data-loss): " + finding.note()));
      } else {
        diagnostics.add(finding.diagnostic());
      }
    }
    if (!notes.isEmpty() && !upgrade.isEmpty()) {
      List<Step> noted = new ArrayList<>();
      noted.add(new Step.Common(notes));
      noted.addAll(upgrade);
      upgrade = noted;
    }
    diagnostics.sort(Comparator.comparing((Diagnostic d) -> d.span().file().name())
        .thenComparingInt(d -> d.span().line()).thenComparingInt(d -> d.span().column()));
    return new Plan(new Migration(message, SqliteSchemas.apply(upgrade), SqliteSchemas.apply(downgrade), recorded.state(),
        next.state()), dedupe(diagnostics),
        up.firstChange);
  }

  /** The same finding about one place once: a mixin's field is a column of several tables. */
  private static List<Diagnostic> dedupe(List<Diagnostic> diagnostics) {
    List<Diagnostic> unique = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (seen.add(d.code() + " " + d.span() + " " + d.message())) {
        unique.add(d);
      }
    }
    return unique;
  }

  private static List<Step> steps(Transition t, List<Diagnostic> warnings) {
    List<Step> steps = new ArrayList<>();
    List<String> createdSchemas = t.after.schemas().stream().filter(s -> !t.before.schemas().contains(s)).toList();
    if (!createdSchemas.isEmpty()) {
      steps.add(new Step.PerDialect(List.of(), createdSchemas.stream().<Operation>map(Operation.CreateSchema::new).toList(),
          SCHEMA_WHY));
    }
    if (t.upgrade && usesCitext(t.after) && !usesCitext(t.before)) {
      steps.add(new Step.PerDialect(List.of(), List.of(new Operation.Execute(CREATE_CITEXT)), List.of(
          "citext columns need PostgreSQL's citext extension (a trusted one: the database's owner may create it).",
          "It stays when the revision is undone: other objects may use it.")));
    }
    EnumChanges enums = new EnumChanges(t);
    enums.plan();
    steps.addAll(enums.early);
    if (!enums.early.isEmpty() || !enums.late.isEmpty()) {
      t.changed(t.after.enums().stream().filter(e -> !t.renames.enums.containsKey(e.name())
          || !t.before.enumType(t.renames.enums.get(e.name())).map(o -> o.values().equals(e.values()) && o.name().equals(e.name()))
              .orElse(false) || t.renames.values.containsKey(e.name()))
          .findFirst().map(e -> t.afterSpans.enumType(e.name())).orElse(t.afterSpans.fallback()));
    }

    List<TableChanges> kept = new ArrayList<>();
    for (TableState table : t.after.tables()) {
      Optional<TableState> old = Optional.ofNullable(t.renames.tables.get(table.name())).flatMap(t.before::table);
      if (old.isPresent()) {
        TableChanges changes = new TableChanges(t, old.get(), table);
        changes.plan();
        kept.add(changes);
        if (!changes.isEmpty()) {
          t.changed(t.afterSpans.table(table.name()));
        }
        warnings.addAll(changes.possibleRenames());
      }
    }
    List<Operation> dropKeys = kept.stream().flatMap(c -> c.dropForeignKeys.stream()).toList();
    if (!dropKeys.isEmpty()) {
      steps.add(new Step.PerDialect(List.of(), dropKeys, List.of(
          "Foreign keys that change are dropped first and added again at the end (SQLite rebuilds their tables).")));
    }
    kept.forEach(c -> steps.addAll(c.steps));

    List<Operation> deferred = new ArrayList<>();
    for (TableState table : t.after.tables()) {
      if (!t.renames.tables.containsKey(table.name())) {
        t.changed(t.afterSpans.table(table.name()));
        List<Operation> ops = new ArrayList<>();
        if (!t.upgrade && !t.before.tables().isEmpty()) {
          ops.add(new Operation.Note("The upgrade dropped table " + table.name() + " and its rows: it comes back empty."));
        }
        ops.add(new Operation.CreateTable(table, true));
        table.indexes().stream().sorted(Comparator.comparing(IndexState::name))
            .forEach(index -> ops.add(new Operation.CreateIndex(index, Operation.Table.of(table))));
        steps.add(new Step.Common(ops));
        for (ForeignKeyState fk : table.foreignKeys()) {
          if (fk.useAlter()) {
            deferred.add(new Operation.AddForeignKey(fk, Operation.Table.of(table)));
          }
        }
      }
    }
    if (!deferred.isEmpty()) {
      steps.add(new Step.Common(deferred));
    }
    List<Operation> addKeys = kept.stream().flatMap(c -> c.addForeignKeys.stream()).toList();
    if (!addKeys.isEmpty()) {
      steps.add(new Step.PerDialect(List.of(), addKeys, List.of()));
    }

    dropTables(t, steps, warnings);
    steps.addAll(enums.late);
    List<String> droppedSchemas = new ArrayList<>(t.before.schemas().stream().filter(s -> !t.after.schemas().contains(s)).toList());
    java.util.Collections.reverse(droppedSchemas);
    if (!droppedSchemas.isEmpty()) {
      steps.add(new Step.PerDialect(List.of(), droppedSchemas.stream().<Operation>map(Operation.DropSchema::new).toList(),
          SCHEMA_WHY));
    }
    return steps;
  }

  private static void dropTables(Transition t, List<Step> steps, List<Diagnostic> warnings) {
    List<TableState> dropped = new ArrayList<>(t.before.tables().stream()
        .filter(table -> !t.keeps(table.name())).toList());
    java.util.Collections.reverse(dropped);
    List<Operation> deferred = new ArrayList<>();
    for (TableState table : dropped) {
      table.foreignKeys().stream().filter(ForeignKeyState::useAlter)
          .forEach(fk -> deferred.add(new Operation.DropConstraint(fk.name(), Operation.ConstraintKind.FOREIGN_KEY,
              Operation.Table.of(table))));
    }
    if (!deferred.isEmpty()) {
      steps.add(new Step.Common(deferred));
    }
    for (TableState table : dropped) {
      t.find(new Finding(dev.sqlagen.diag.Code.DROPS_TABLE, t.beforeSpans.table(table.name()),
          "the schema no longer has table " + table.name() + ": the revision would drop it and its rows",
          table.model().map(m -> "if model " + m + " was renamed, write @@was(" + m + ") in the model it became; to drop it, pass --allow-data-loss")
              .orElse("if its model was renamed, write @@was(OldName) in it; to drop it, pass --allow-data-loss"),
          true, "Drops table " + table.name() + " and its rows."));
      if (t.upgrade) {
        possibleTableRename(t, table, warnings);
      }
      List<Operation> ops = new ArrayList<>();
      table.indexes().stream().sorted(Comparator.comparing(IndexState::name).reversed())
          .forEach(index -> ops.add(new Operation.DropIndex(index.name(), Operation.Table.of(table))));
      ops.add(new Operation.DropTable(Operation.Table.of(table)));
      steps.add(new Step.Common(ops));
    }
  }

  /** A dropped table and a new one with the same columns: probably a rename without its hint. */
  private static void possibleTableRename(Transition t, TableState dropped, List<Diagnostic> warnings) {
    java.util.Set<String> columns = new java.util.HashSet<>();
    dropped.columns().forEach(c -> columns.add(c.name()));
    for (TableState table : t.after.tables()) {
      if (t.renames.tables.containsKey(table.name()) || !table.link().isEmpty() || table.model().isEmpty()) {
        continue;
      }
      java.util.Set<String> now = new java.util.HashSet<>();
      table.columns().forEach(c -> now.add(c.name()));
      if (now.equals(columns)) {
        warnings.add(Diagnostic.of(dev.sqlagen.diag.Code.POSSIBLE_RENAME, t.afterSpans.table(table.name()),
            "table " + table.name() + " is added and " + dropped.name() + " with the same columns dropped: a rename would keep its rows",
            "if it is a rename, write @@was(" + dropped.model().orElse("OldName") + ") in model " + table.model().get()));
      }
    }
  }
}
