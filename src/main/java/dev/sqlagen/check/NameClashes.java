package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.naming.PythonNames;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.source.Span;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names that only collide after mapping: two tables, two columns of a table, two Python attributes
 * of a class, or an enum type name twice. Database names are compared case-insensitively, as
 * most databases fold unquoted names.
 */
final class NameClashes {
  private final Diagnostics diagnostics;
  private final Hierarchies hierarchies;
  private final Map<String, List<ModelDraft.ColumnEntry>> mixinColumns;

  /** @param mixinColumns each mixin's checked columns */
  NameClashes(Diagnostics diagnostics, Hierarchies hierarchies, Map<String, List<ModelDraft.ColumnEntry>> mixinColumns) {
    this.diagnostics = diagnostics;
    this.hierarchies = hierarchies;
    this.mixinColumns = mixinColumns;
  }

  /** @param drafts the models' drafts, in the order of {@code entities} */
  void check(
      Map<String, ModelDraft> draftsByName, Collection<ModelDraft> drafts, List<Entity> entities, List<LinkTable> linkTables,
      List<EnumType> enums) {
    Map<String, String> tables = new HashMap<>();
    Map<String, String> enumTypes = new HashMap<>();
    for (EnumType type : enums) {
      enumTypes.putIfAbsent(type.dbName().toLowerCase(Locale.ROOT), type.name());
    }
    Iterator<ModelDraft> draftIterator = drafts.iterator();
    Map<String, Map<String, String[]>> columnsByOwner = new HashMap<>();
    Map<String, Entity> byName = new HashMap<>();
    entities.forEach(e -> byName.put(e.name(), e));
    for (Entity entity : entities) {
      ModelDraft draft = draftIterator.next();
      Span at = draft.model().span();
      // A single-table subclass's columns are checked against its root table's other columns.
      Entity owner = entity;
      while (!owner.ownsTable() && owner.parent().isPresent() && byName.containsKey(owner.parent().get())) {
        owner = byName.get(owner.parent().get());
      }
      columns(entity, draft, columnsByOwner.computeIfAbsent(owner.name(), t -> new HashMap<>()));
      attributes(entity, draft);
      if (!entity.ownsTable()) {
        continue;
      }
      String earlier = tables.putIfAbsent(entity.table().toLowerCase(Locale.ROOT), entity.name());
      if (earlier != null) {
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_TABLE,
                at,
                "models '" + earlier + "' and '" + entity.name() + "' both map to table '" + entity.table() + "'",
                "give one of them another name with @@table(\"...\")"));
      }
    }
    for (LinkTable link : linkTables) {
      String earlier = tables.putIfAbsent(link.table().toLowerCase(Locale.ROOT), "the link table of " + link.left() + " and " + link.right());
      if (earlier != null) {
        ModelDraft left = draftsByName.get(link.left());
        Span at = left.collections().stream().filter(c -> c.target().equals(link.right())).findFirst()
            .map(c -> c.field().name().span()).orElse(left.model().span());
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_TABLE,
                at,
                "the link table '" + link.table() + "' of " + link.left() + " and " + link.right() + " is already "
                    + (earlier.startsWith("the link") ? earlier + " (two many-to-many pairs between them)" : "the table of model '" + earlier + "'"),
                "name the link table with @through(\"...\")"));
      }
    }
  }

  /**
   * The class's columns, then its mixins' columns, against the columns of its table seen so far
   * (its own, or its root's and siblings' for a single-table subclass): column name → model, field.
   */
  private void columns(Entity entity, ModelDraft draft, Map<String, String[]> byName) {
    for (Column column : entity.columns()) {
      column(entity, byName, column, spanOf(draft, column.field()), column.foreignKey().isPresent()
          ? "name the foreign key column with @fk(other_name)"
          : "give one of them another column name with @column(\"...\")");
    }
    for (dev.sqlagen.model.Name mixin : hierarchies.mixins(entity.name())) {
      for (ModelDraft.ColumnEntry entry : mixinColumns.getOrDefault(mixin.text(), List.of())) {
        column(entity, byName, entry.column(), mixin.span(), "give one of them another column name with @column(\"...\")");
      }
    }
  }

  private void column(Entity entity, Map<String, String[]> byName, Column column, Span at, String hint) {
    String[] earlier = byName.putIfAbsent(column.name().toLowerCase(Locale.ROOT), new String[] {entity.name(), column.field()});
    if (earlier == null) {
      return;
    }
    if (earlier[0].equals(entity.name())) {
      // Two fields of one name are reported once, as fields (see attributes).
      if (!earlier[1].equals(column.field())) {
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_COLUMN,
                at,
                "fields '" + earlier[1] + "' and '" + column.field() + "' of " + entity.name() + " both map to column '" + column.name() + "'",
                hint));
      }
      return;
    }
    diagnostics.report(
        Diagnostic.of(
            Code.DUPLICATE_COLUMN,
            at,
            "fields '" + earlier[0] + "." + earlier[1] + "' and '" + entity.name() + "." + column.field() + "' both map to column '"
                + column.name() + "' of table '" + entity.table() + "'",
            "single-table subclasses share their root's table: " + hint + ", or declare the field once, in " + earlier[0]));
  }

  private void attributes(Entity entity, ModelDraft draft) {
    Map<String, String> byAttribute = new HashMap<>();
    List<String> fields = new java.util.ArrayList<>();
    entity.columns().forEach(c -> fields.add(c.field()));
    entity.references().forEach(r -> fields.add(r.field()));
    entity.collections().forEach(c -> fields.add(c.field()));
    for (String field : fields) {
      String attribute = PythonNames.attribute(field);
      String earlier = byAttribute.putIfAbsent(attribute, field);
      if (earlier != null && !earlier.equals(field)) {
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_PYTHON_NAME,
                spanOf(draft, field),
                "fields '" + earlier + "' and '" + field + "' of " + entity.name() + " both become the Python attribute '" + attribute + "'",
                "rename one of them"));
      } else if (earlier != null) {
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_FIELD,
                spanOf(draft, field),
                "the foreign key '" + field + "' of a reference in " + entity.name() + " has the name of another field",
                "name the foreign key with @fk(other_name), or remove the field '" + field + "'"));
      }
    }
  }

  /** Where a field was written; a derived foreign key points at the reference that made it. */
  private static Span spanOf(ModelDraft draft, String field) {
    for (ModelDraft.Entry entry : draft.entries()) {
      String name = entry.field().name().text();
      if (name.equals(field)) {
        return entry.field().span();
      }
      if (entry instanceof ModelDraft.ReferenceEntry reference
          && (field.startsWith(name + "_") || reference.foreignKey().stream().anyMatch(n -> n.text().equals(field)))) {
        return reference.foreignKey().stream().filter(n -> n.text().equals(field)).findFirst()
            .map(n -> n.span()).orElse(entry.field().span());
      }
    }
    return draft.model().span();
  }
}
