package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.CollectionEntry;
import dev.sqlagen.check.ModelDraft.ColumnEntry;
import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Schema;
import dev.sqlagen.naming.DbNames;
import dev.sqlagen.resolved.Collection;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.Reference;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check stage: validates a parsed schema and resolves it. Every problem is reported; the
 * resolved schema is returned only when there is no error.
 */
public final class SchemaChecker {
  private final Diagnostics diagnostics;

  private SchemaChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public static Optional<ResolvedSchema> check(Schema schema, Diagnostics diagnostics) {
    return new SchemaChecker(diagnostics).run(schema);
  }

  private Optional<ResolvedSchema> run(Schema schema) {
    Declarations declarations = new Declarations(schema, diagnostics);
    List<EnumType> enums = new ArrayList<>();
    for (EnumDecl decl : declarations.enums().values()) {
      new EnumChecker(diagnostics).check(decl).ifPresent(enums::add);
    }
    typeNames(declarations, enums);
    ModelChecker modelChecker = new ModelChecker(declarations, diagnostics);
    Map<String, ModelDraft> drafts = new LinkedHashMap<>();
    for (Model model : declarations.models().values()) {
      drafts.put(model.name().text(), modelChecker.check(model));
    }
    for (ModelDraft draft : drafts.values()) {
      if (draft.primaryKey().isEmpty() && !triedPrimaryKey(draft.model())) {
        diagnostics.report(
            Diagnostic.of(
                Code.NO_PRIMARY_KEY,
                draft.model().span(),
                "model '" + draft.name() + "' has no primary key",
                "add one, for example: id int @pk"));
      }
    }
    Map<ReferenceEntry, CollectionEntry> inverses = new RelationPairing(drafts, diagnostics).pair();
    Map<CollectionEntry, ReferenceEntry> mirrored = new IdentityHashMap<>();
    inverses.forEach((reference, collection) -> mirrored.put(collection, reference));
    List<Entity> entities = new ArrayList<>();
    for (ModelDraft draft : drafts.values()) {
      entities.add(entity(draft, drafts, inverses, mirrored));
    }
    new NameClashes(diagnostics).check(drafts.values(), entities, enums);
    unusedEnums(schema, declarations, enums);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new ResolvedSchema(schema.file().name(), enums, entities));
  }

  /** An enum that no field uses generates a class and a database type that nothing needs. */
  private void unusedEnums(Schema schema, Declarations declarations, List<EnumType> checked) {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Model model : schema.models()) {
      model.fields().forEach(field -> used.add(field.type().name().text()));
    }
    // Only enums without errors of their own: an enum that is reported already needs no warning.
    java.util.Set<String> clean = new java.util.HashSet<>();
    checked.forEach(type -> clean.add(type.name()));
    clean.removeAll(typeNameClashes);
    schema.models().forEach(model -> clean.remove(model.name().text()));
    java.util.Set<String> seen = new java.util.HashSet<>();
    schema.enums().forEach(decl -> {
      if (!seen.add(decl.name().text())) {
        clean.remove(decl.name().text());
      }
    });
    if (!declarations.typeNames().containsAll(used)) {
      return; // an unknown type may be a misspelling of the enum: its error says so
    }
    for (EnumDecl decl : declarations.enums().values()) {
      if (clean.contains(decl.name().text()) && !used.contains(decl.name().text())) {
        diagnostics.report(
            Diagnostic.of(
                Code.UNUSED_ENUM,
                decl.name().span(),
                "enum '" + decl.name().text() + "' is never used",
                "give a field this type, such as: " + DbNames.snake(decl.name().text()) + " " + decl.name().text() + ", or remove the enum"));
      }
    }
  }

  /**
   * An enum's database type name must be unique, and on PostgreSQL differ from every table name
   * (each table is a type of the same name there).
   */
  private final java.util.Set<String> typeNameClashes = new java.util.HashSet<>();

  private void typeNames(Declarations declarations, List<EnumType> enums) {
    Map<String, String> taken = new LinkedHashMap<>();
    for (Model model : declarations.models().values()) {
      String table = model.attributes().stream().filter(a -> a.name().text().equals("table")).findFirst()
          .flatMap(a -> a.args().stream().findFirst())
          .flatMap(SchemaChecker::tableName)
          .orElse(DbNames.table(model.name().text()));
      taken.putIfAbsent(table.toLowerCase(java.util.Locale.ROOT), "table of model " + model.name().text());
    }
    for (EnumType type : enums) {
      String earlier = taken.putIfAbsent(type.dbName().toLowerCase(java.util.Locale.ROOT), "type of enum " + type.name());
      if (earlier != null) {
        typeNameClashes.add(type.name());
        diagnostics.report(
            Diagnostic.of(
                Code.DUPLICATE_TYPE_NAME,
                declarations.enums().get(type.name()).span(),
                "enum '" + type.name() + "' would create the database type '" + type.dbName() + "', already the " + earlier,
                "rename the enum"));
      }
    }
  }

  /** The table a {@code @@table} argument names; a bad argument is reported by the model's checks. */
  private static Optional<String> tableName(dev.sqlagen.model.Value value) {
    if (value instanceof dev.sqlagen.model.Value.StringValue string && !string.value().isBlank()) {
      return Optional.of(string.value());
    }
    if (value instanceof dev.sqlagen.model.Value.NameValue name) {
      return Optional.of(name.name());
    }
    return Optional.empty();
  }

  /** A model with an {@code @pk} that failed its own checks has been told about it already. */
  private static boolean triedPrimaryKey(Model model) {
    // A misspelt @pk (reported as unknown, with "did you mean '@pk'?") counts as tried too.
    return model.fields().stream().anyMatch(f -> f.attributes().stream().anyMatch(a -> FieldAttributes.meansPrimaryKey(a.name().text())));
  }

  private Entity entity(
      ModelDraft draft,
      Map<String, ModelDraft> drafts,
      Map<ReferenceEntry, CollectionEntry> inverses,
      Map<CollectionEntry, ReferenceEntry> mirrored) {
    List<Column> columns = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    List<Collection> collections = new ArrayList<>();
    Map<String, List<String>> fieldColumns = new LinkedHashMap<>();
    boolean unresolved = draft.incomplete();
    for (ModelDraft.Entry entry : draft.entries()) {
      if (entry instanceof ColumnEntry column) {
        columns.add(column.column());
        fieldColumns.put(column.field().name().text(), List.of(column.column().name()));
      } else if (entry instanceof ReferenceEntry reference) {
        Optional<Column> key = foreignKey(reference, drafts.get(reference.target()));
        unresolved |= key.isEmpty();
        key.ifPresent(fk -> {
          columns.add(fk);
          fieldColumns.put(reference.field().name().text(), List.of(fk.name()));
          Optional<String> inverse =
              Optional.ofNullable(inverses.get(reference)).map(c -> c.field().name().text());
          references.add(
              new Reference(
                  reference.field().name().text(),
                  reference.target(),
                  fk.field(),
                  reference.nullable(),
                  inverse,
                  reference.field().doc()));
        });
      } else {
        CollectionEntry collection = (CollectionEntry) entry;
        fieldColumns.put(collection.field().name().text(), List.of());
        ReferenceEntry reference = mirrored.get(collection);
        if (reference != null) {
          collections.add(new Collection(
              collection.field().name().text(), collection.target(), reference.field().name().text(), collection.field().doc()));
        }
      }
    }
    List<dev.sqlagen.resolved.TableConstraint> constraints = unresolved
        ? List.of() // a field without its column would be reported as unknown; its error is out already
        : TableConstructs.resolve(diagnostics, draft, columns, fieldColumns);
    return new Entity(draft.name(), draft.table(), draft.model().doc(), columns, references, collections, draft.schema(), constraints);
  }

  /** The foreign-key column of a reference: typed like the target's primary key, and indexed. */
  private Optional<Column> foreignKey(ReferenceEntry reference, ModelDraft target) {
    List<Column> key = target.primaryKey();
    if (key.isEmpty()) {
      return Optional.empty(); // reported on the target model already
    }
    Span at = reference.field().type().name().span();
    if (key.size() > 1) {
      diagnostics.report(
          Diagnostic.of(
              Code.UNSUPPORTED_REFERENCE,
              at,
              "model '" + target.name() + "' has a composite primary key; references to it are not supported yet",
              "give " + target.name() + " a single-column primary key, such as id int @pk"));
      return Optional.empty();
    }
    Column targetKey = key.get(0);
    String field =
        reference.foreignKey().map(Name::text).orElse(reference.field().name().text() + "_" + targetKey.field());
    return Optional.of(
        new Column(
            field,
            field,
            targetKey.type(),
            reference.nullable(),
            false,
            false,
            true,
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Column.ForeignKey(target.table(), targetKey.name(), target.schema())),
            dev.sqlagen.resolved.ColumnOptions.NONE));
  }

  /** Enum checks: members present, distinct, and usable as Python names. */
  private record EnumChecker(Diagnostics diagnostics) {
    Optional<EnumType> check(EnumDecl decl) {
      if (decl.members().isEmpty()) {
        diagnostics.report(
            Diagnostic.of(Code.EMPTY_ENUM, decl.span(), "enum '" + decl.name().text() + "' has no members", "list them: enum " + decl.name().text() + " { first second }"));
        return Optional.empty();
      }
      Map<String, Name> byPythonName = new LinkedHashMap<>();
      boolean ok = true;
      for (Name member : decl.members()) {
        if (member.text().startsWith("_")) {
          diagnostics.report(Diagnostic.of(Code.BAD_NAME, member.span(), "enum members may not start with '_'", "Python's enum treats such names as private"));
          ok = false;
          continue;
        }
        Name earlier = byPythonName.putIfAbsent(dev.sqlagen.naming.PythonNames.enumMember(member.text()), member);
        if (earlier != null) {
          diagnostics.report(
              Diagnostic.of(
                  Code.DUPLICATE_ENUM_MEMBER,
                  member.span(),
                  earlier.text().equals(member.text())
                      ? "member '" + member.text() + "' is listed twice"
                      : "members '" + earlier.text() + "' and '" + member.text() + "' both become " + dev.sqlagen.naming.PythonNames.enumMember(member.text()) + " in Python",
                  "remove or rename one"));
          ok = false;
        }
      }
      if (!ok) {
        return Optional.empty();
      }
      List<String> members = decl.members().stream().map(Name::text).toList();
      return Optional.of(new EnumType(decl.name().text(), DbNames.enumType(decl.name().text()), members, decl.doc()));
    }
  }
}
