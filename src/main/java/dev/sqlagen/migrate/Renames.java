package dev.sqlagen.migrate;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.naming.DbNames;
import dev.sqlagen.source.Span;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.StateHints;
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
 * Which element of one state becomes which of the next: tables, columns, enum types and values
 * matched by the schema's rename hints, the rest by name. Hints are checked against the earlier
 * state: one that matches nothing is an error, one already applied a warning that it can go.
 */
final class Renames {
  /** New table name to its name in the earlier state, for every table that existed. */
  final Map<String, String> tables = new LinkedHashMap<>();
  /** Per new table, new column name to its name in the earlier state, for every column that existed. */
  final Map<String, Map<String, String>> columns = new HashMap<>();
  /** New enum type to its name in the earlier state. */
  final Map<String, String> enums = new LinkedHashMap<>();
  /** Per new enum type, new value to the value it was. */
  final Map<String, Map<String, String>> values = new HashMap<>();

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private Renames() {}

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Matches {@code after} to {@code before}, following {@code hints}. */
  static Renames match(SchemaState before, SchemaState after, StateHints hints, String recorded) {
    Renames renames = new Renames();
    renames.matchEnums(before, after, hints, recorded);
    renames.matchTables(before, after, hints, recorded);
    return renames;
  }

  /** The same matching seen from the other side: for planning the downgrade. */
  Renames inverse() {
    Renames inverse = new Renames();
    tables.forEach((next, previous) -> inverse.tables.put(previous, next));
    columns.forEach((table, map) -> {
      Map<String, String> reversed = new HashMap<>();
      map.forEach((next, previous) -> reversed.put(previous, next));
      inverse.columns.put(tables.get(table), reversed);
    });
    enums.forEach((next, previous) -> inverse.enums.put(previous, next));
    values.forEach((type, map) -> {
      Map<String, String> reversed = new HashMap<>();
      map.forEach((next, previous) -> reversed.put(previous, next));
      inverse.values.put(enums.get(type), reversed);
    });
    return inverse;
  }

  /** The earlier name of a column of a new table, if it existed. */
  Optional<String> oldColumn(String table, String column) {
    return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(column));
  }

  /** A value of a new enum type as the earlier state spelled it. */
  String oldValue(String type, String value) {
    return values.getOrDefault(type, Map.of()).getOrDefault(value, value);
  }

  private void matchEnums(SchemaState before, SchemaState after, StateHints hints, String recorded) {
    Set<String> claimed = new HashSet<>();
    for (StateHints.EnumHint hint : hints.enums()) {
      Optional<EnumState> old = before.enums().stream()
          .filter(e -> e.declaredAs().map(hint.was()::equals)
              .orElse(e.name().equals(DbNames.enumType(hint.was()))))
          .findFirst();
      if (old.isPresent()) {
        enums.put(hint.type(), old.get().name());
        claimed.add(old.get().name());
      } else {
        unmatched(hint.span(), "enum '" + hint.was() + "'", before.enumType(hint.type()).isPresent(), recorded);
      }
    }
    for (EnumState type : after.enums()) {
      if (!enums.containsKey(type.name()) && before.enumType(type.name()).isPresent() && claimed.add(type.name())) {
        enums.put(type.name(), type.name());
      }
    }
    for (StateHints.ValueHint hint : hints.values()) {
      Optional<EnumState> old = Optional.ofNullable(enums.get(hint.type())).flatMap(before::enumType);
      if (old.isEmpty()) {
        continue; // a new type: nothing to rename
      }
      if (old.get().values().contains(hint.was())) {
        values.computeIfAbsent(hint.type(), t -> new HashMap<>()).put(hint.value(), hint.was());
      } else {
        unmatched(hint.span(), "value '" + hint.was() + "' of enum type " + old.get().name(),
            old.get().values().contains(hint.value()), recorded);
      }
    }
  }

  private void matchTables(SchemaState before, SchemaState after, StateHints hints, String recorded) {
    Set<String> claimed = new HashSet<>();
    Map<String, String> modelWas = new HashMap<>();
    for (StateHints.TableHint hint : hints.tables()) {
      Optional<String> model = after.table(hint.table()).flatMap(TableState::model);
      model.ifPresent(m -> modelWas.put(m, hint.was()));
      Optional<TableState> old = before.tables().stream()
          .filter(t -> t.model().map(hint.was()::equals).orElse(t.name().equals(DbNames.table(hint.was()))))
          .findFirst();
      if (old.isPresent() && !claimed.contains(old.get().name())) {
        tables.put(hint.table(), old.get().name());
        claimed.add(old.get().name());
      } else {
        boolean applied = before.tables().stream().anyMatch(t -> t.model().equals(model) || t.name().equals(hint.table()));
        unmatched(hint.span(), "model '" + hint.was() + "'", applied, recorded);
      }
    }
    // A many-to-many's link table follows its two models.
    for (TableState table : after.tables()) {
      if (table.link().isEmpty() || tables.containsKey(table.name())) {
        continue;
      }
      Set<String> sides = new HashSet<>();
      table.link().forEach(m -> sides.add(modelWas.getOrDefault(m, m)));
      before.tables().stream()
          .filter(t -> !t.link().isEmpty() && new HashSet<>(t.link()).equals(sides) && !claimed.contains(t.name()))
          .findFirst()
          .ifPresent(t -> {
            tables.put(table.name(), t.name());
            claimed.add(t.name());
          });
    }
    for (TableState table : after.tables()) {
      if (!tables.containsKey(table.name()) && before.table(table.name()).isPresent() && claimed.add(table.name())) {
        tables.put(table.name(), table.name());
      }
    }
    for (TableState table : after.tables()) {
      String old = tables.get(table.name());
      if (old != null) {
        matchColumns(before.table(old).orElseThrow(), table, hints, modelWas, recorded);
      }
    }
    // A hint on a field of a table that did not exist before has nothing to rename.
    for (StateHints.ColumnHint hint : hints.columns()) {
      if (!tables.containsKey(hint.table())) {
        unmatched(hint.span(), "field '" + hint.was() + "'", false, recorded);
      }
    }
  }

  private void matchColumns(TableState old, TableState table, StateHints hints, Map<String, String> modelWas, String recorded) {
    Map<String, String> map = new LinkedHashMap<>();
    Set<String> claimed = new HashSet<>();
    for (StateHints.ColumnHint hint : hints.columns()) {
      if (!hint.table().equals(table.name())) {
        continue;
      }
      List<ColumnState> renamed = table.columns().stream()
          .filter(c -> c.field().map(hint.field()::equals).orElse(false) || c.reference().map(hint.field()::equals).orElse(false))
          .toList();
      List<String> was = previousColumns(old, renamed, hint);
      if (!renamed.isEmpty() && was.size() == renamed.size() && was.stream().noneMatch(claimed::contains)) {
        for (int i = 0; i < renamed.size(); i++) {
          map.put(renamed.get(i).name(), was.get(i));
          claimed.add(was.get(i));
        }
      } else {
        boolean applied = renamed.stream().anyMatch(c -> old.column(c.name()).isPresent());
        unmatched(hint.span(), "field '" + hint.was() + "' in table " + old.name(), applied, recorded);
      }
    }
    for (ColumnState column : table.columns()) {
      if (map.containsKey(column.name())) {
        continue;
      }
      Optional<String> same = old.column(column.name()).map(ColumnState::name).filter(n -> !claimed.contains(n));
      if (same.isEmpty() && !table.link().isEmpty()) {
        // A link table's column follows its model's renames: <model>.<key> in the field.
        same = column.field().map(f -> {
          int dot = f.indexOf('.');
          return dot < 0 ? f : modelWas.getOrDefault(f.substring(0, dot), f.substring(0, dot)) + f.substring(dot);
        }).flatMap(f -> old.columns().stream().filter(c -> c.field().equals(Optional.of(f))).map(ColumnState::name).findFirst())
            .filter(n -> !claimed.contains(n));
      }
      same.ifPresent(n -> {
        map.put(column.name(), n);
        claimed.add(n);
      });
    }
    columns.put(table.name(), map);
  }

  /**
   * The columns a field hint points at in the earlier table: those of the field (or reference)
   * it names; where that state does not say which field made a column, the names the field's
   * columns would have had.
   */
  private static List<String> previousColumns(TableState old, List<ColumnState> renamed, StateHints.ColumnHint hint) {
    List<String> byField = old.columns().stream()
        .filter(c -> c.field().map(hint.was()::equals).orElse(false) || c.reference().map(hint.was()::equals).orElse(false))
        .map(ColumnState::name)
        .toList();
    if (!byField.isEmpty() || old.columns().stream().anyMatch(c -> c.field().isPresent())) {
      return byField;
    }
    List<String> derived = new ArrayList<>();
    for (ColumnState column : renamed) {
      String name = column.name();
      String candidate = name.equals(hint.field()) ? hint.was()
          : name.startsWith(hint.field() + "_") ? hint.was() + name.substring(hint.field().length()) : null;
      if (candidate != null && old.column(candidate).isPresent()) {
        derived.add(candidate);
      }
    }
    return derived;
  }

  private void unmatched(Span span, String what, boolean applied, String recorded) {
    if (applied) {
      diagnostics.add(Diagnostic.of(Code.RENAME_APPLIED, span,
          "this rename is done: " + recorded + " no longer has " + what,
          "remove the hint; an earlier revision applied it"));
    } else {
      diagnostics.add(Diagnostic.of(Code.RENAME_MATCHES_NOTHING, span,
          recorded + " has no " + what + " to rename",
          "name what it was called in the schema of the last revision, or remove the hint"));
    }
  }
}
