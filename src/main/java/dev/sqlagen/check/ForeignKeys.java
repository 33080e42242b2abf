package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.ColumnEntry;
import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Name;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key columns of each model and the foreign-key columns of each reference. A reference marked
 * {@code @pk} makes its foreign-key columns part of its model's primary key, so keys are resolved
 * on demand (once each): a reference to a model with a composite key gets one column per key
 * column, and keys that reference each other in a circle are reported.
 */
final class ForeignKeys {
  private final Map<String, ModelDraft> drafts;
  private final Map<ReferenceEntry, ReferenceEntry> scalarSides;
  private final Layout layout;
  private final Diagnostics diagnostics;
  private final Map<String, List<Column>> keys = new HashMap<>();
  private final Map<ReferenceEntry, List<Column>> columns = new IdentityHashMap<>();
  private final Set<String> resolving = new HashSet<>();

  ForeignKeys(
      Map<String, ModelDraft> drafts, Map<ReferenceEntry, ReferenceEntry> scalarSides, Layout layout, Diagnostics diagnostics) {
    this.drafts = drafts;
    this.scalarSides = scalarSides;
    this.layout = layout;
    this.diagnostics = diagnostics;
  }

  /** Whether a model-typed field holds a foreign key (the scalar side of a one-to-one does not). */
  boolean holdsKey(ReferenceEntry reference) {
    return !scalarSides.containsKey(reference);
  }

  /**
   * The model's primary-key columns in key order (as {@code @@pk} lists them, else in declaration
   * order); empty if it has none or they failed.
   */
  List<Column> primaryKey(ModelDraft draft) {
    List<Column> known = keys.get(draft.name());
    if (known != null) {
      return known;
    }
    if (!resolving.add(draft.name())) {
      return List.of(); // reported where the circle closes
    }
    Map<String, List<Column>> byField = new java.util.LinkedHashMap<>();
    for (ModelDraft.Entry entry : draft.entries()) {
      List<Column> key = byField.computeIfAbsent(entry.name(), k -> new ArrayList<>());
      if (entry instanceof ColumnEntry column && column.column().primaryKey()) {
        key.add(column.column());
      } else if (entry instanceof ReferenceEntry reference && reference.primaryKey() && holdsKey(reference)) {
        ModelDraft target = drafts.get(reference.target());
        if (target != null && resolving.contains(target.name()) && !keys.containsKey(target.name())) {
          diagnostics.report(
              Diagnostic.of(
                  Code.UNINSERTABLE_CYCLE,
                  reference.attributeSpan("pk"),
                  "the primary keys of '" + draft.name() + "' and '" + target.name() + "' are made of references to each other",
                  "a row could never be inserted; remove '@pk' from one of the references"));
          continue;
        }
        key.addAll(columnsOf(reference));
      }
    }
    List<Column> key = new ArrayList<>();
    draft.attributes().key().ifPresentOrElse(
        spec -> spec.fields().stream().map(Name::text).distinct().forEach(f -> key.addAll(byField.getOrDefault(f, List.of()))),
        () -> byField.values().forEach(key::addAll));
    if (key.isEmpty() && layout.parent(draft.name()).isPresent() && !layout.hierarchies().inCycle(draft.name())) {
      // A subclass has its parent's key: in the parent's table, or copied into its own (joined).
      key.addAll(primaryKey(drafts.get(layout.parent(draft.name()).get())));
    }
    resolving.remove(draft.name());
    keys.put(draft.name(), List.copyOf(key));
    return keys.get(draft.name());
  }

  /** The foreign-key columns of a reference, typed like the target's key columns. */
  List<Column> columnsOf(ReferenceEntry reference) {
    List<Column> known = columns.get(reference);
    if (known != null) {
      return known;
    }
    ModelDraft target = drafts.get(reference.target());
    List<Column> key = target == null ? List.of() : primaryKey(target);
    List<Column> result = key.isEmpty() ? List.of() : build(reference, target, key);
    columns.put(reference, result);
    return result;
  }

  /** Whether a reference marked {@code @pk} is its model's only key field. */
  private boolean wholeKey(ReferenceEntry reference) {
    if (!reference.primaryKey()) {
      return false;
    }
    for (ModelDraft draft : drafts.values()) {
      if (draft.entries().stream().anyMatch(e -> e == reference)) {
        return draft.entries().stream().filter(e -> e != reference).noneMatch(e ->
            (e instanceof ColumnEntry c && c.column().primaryKey()) || (e instanceof ReferenceEntry r && r.primaryKey() && holdsKey(r)));
      }
    }
    return false;
  }

  private List<Column> build(ReferenceEntry reference, ModelDraft target, List<Column> key) {
    List<Name> given = reference.foreignKey();
    if (!given.isEmpty() && given.size() != key.size()) {
      diagnostics.report(
          Diagnostic.of(
              Code.FOREIGN_KEY_COLUMNS,
              given.get(0).span(),
              "'@fk' names " + given.size() + " column" + (given.size() == 1 ? "" : "s") + ", but the primary key of '"
                  + target.name() + "' has " + key.size(),
              "name one column per key column, in order: @fk(" + String.join(", ", key.stream().map(c -> reference.name() + "_" + c.field()).toList()) + ")"));
      return List.of();
    }
    boolean composite = key.size() > 1;
    if (composite && reference.unique()) {
      diagnostics.report(
          Diagnostic.of(
              Code.UNSUPPORTED_REFERENCE,
              reference.attributeSpan("unique"),
              "a one-to-one reference to '" + target.name() + "', whose primary key has several columns, is not supported yet",
              "give " + target.name() + " a single-column primary key, or use @@unique over the foreign-key columns"));
    }
    List<Column> result = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      Column targetColumn = key.get(i);
      String field = given.isEmpty() ? reference.name() + "_" + targetColumn.field() : given.get(i).text();
      // A reference that is the whole primary key is unique by the key: a UNIQUE constraint over
      // the same column would duplicate it (PostgreSQL keeps one, so alembic check would differ).
      boolean unique = reference.unique() && !composite && !wholeKey(reference);
      result.add(
          new Column(
              field,
              field,
              targetColumn.type(),
              reference.nullable(),
              reference.primaryKey(),
              unique,
              // A key column is indexed by the key, a unique one by its constraint, and a
              // composite key by an index on its first column, which serves lookups by the key.
              // @index(false) leaves it out.
              reference.index() && !reference.primaryKey() && !unique && i == 0,
              Optional.empty(),
              Optional.empty(),
              Optional.of(new Column.ForeignKey(
                  layout.table(target.name()),
                  targetColumn.name(),
                  layout.tableOwner(target.name()).schema(),
                  reference.onDelete(),
                  reference.onUpdate(),
                  composite ? Optional.of(reference.name()) : Optional.empty(),
                  reference.constraint(),
                  reference.names().foreignKey().map(Name::text))),
              ColumnOptions.NONE));
    }
    return result;
  }
}
