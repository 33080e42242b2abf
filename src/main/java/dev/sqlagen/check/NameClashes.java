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

  NameClashes(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(Map<String, ModelDraft> draftsByName, List<Entity> entities, List<LinkTable> linkTables, List<EnumType> enums) {
    Collection<ModelDraft> drafts = draftsByName.values();
    Map<String, String> tables = new HashMap<>();
    Map<String, String> enumTypes = new HashMap<>();
    for (EnumType type : enums) {
      enumTypes.putIfAbsent(type.dbName().toLowerCase(Locale.ROOT), type.name());
    }
    Iterator<ModelDraft> draftIterator = drafts.iterator();
    for (Entity entity : entities) {
      ModelDraft draft = draftIterator.next();
      Span at = draft.model().span();
      String earlier = tables.putIfAbsent(entity.table().toLowerCase(Locale.ROOT), entity.name());
      if (earlier != null) {
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_TABLE,
                at,
                "models '" + earlier + "' and '" + entity.name() + "' both map to table '" + entity.table() + "'",
                "give one of them another name with @@table(\"...\")"));
      }
      columns(entity, draft);
      attributes(entity, draft);
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

  private void columns(Entity entity, ModelDraft draft) {
    Map<String, String> byName = new HashMap<>();
    for (Column column : entity.columns()) {
      String earlier = byName.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column.field());
      // Two fields of one name are reported once, as fields (see attributes).
      if (earlier != null && !earlier.equals(column.field())) {
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_COLUMN,
                spanOf(draft, column.field()),
                "fields '" + earlier + "' and '" + column.field() + "' of " + entity.name() + " both map to column '" + column.name() + "'",
                column.foreignKey().isPresent()
                    ? "name the foreign key column with @fk(other_name)"
                    : "give one of them another column name with @column(\"...\")"));
      }
    }
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
