package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.CollectionEntry;
import dev.sqlagen.check.ModelDraft.ColumnEntry;
import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.EnumMember;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Schema;
import dev.sqlagen.naming.DbNames;
import dev.sqlagen.resolved.Collection;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.MixinType;
import dev.sqlagen.resolved.Polymorphism;
import dev.sqlagen.resolved.Reference;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.resolved.TableOrder;
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
    new NamedArguments(diagnostics).check(schema);
    SchemaAttributes.check(schema, diagnostics);
    boolean docComments = SchemaAttributes.docComments(schema, diagnostics);
    Declarations declarations = new Declarations(schema, CustomTypes.read(schema, diagnostics), diagnostics);
    RenameChecks renames = new RenameChecks(diagnostics);
    java.util.Set<String> badEnumAttributes = renames.checkEnums(declarations.enums().values());
    renames.checkModels(declarations.models().values());
    List<EnumType> enums = new ArrayList<>();
    for (EnumDecl decl : declarations.enums().values()) {
      // An enum with a wrong attribute has its error: it needs no "never used" warning too.
      new EnumChecker(diagnostics).check(decl).filter(type -> !badEnumAttributes.contains(type.name())).ifPresent(enums::add);
    }
    typeNames(declarations, enums);
    Hierarchies hierarchies = new Hierarchies(declarations, diagnostics);
    ModelChecker modelChecker = new ModelChecker(declarations, diagnostics, docComments);
    Map<String, List<ColumnEntry>> mixinColumns = new LinkedHashMap<>();
    for (Mixin mixin : declarations.mixins().values()) {
      mixinColumns.put(mixin.name().text(), modelChecker.checkMixin(mixin));
    }
    Map<String, ModelDraft> drafts = new LinkedHashMap<>();
    for (Model model : declarations.models().values()) {
      drafts.put(model.name().text(), modelChecker.check(model, hierarchies.inherited(model.name().text())));
    }
    Map<String, List<String>> enumMembers = new LinkedHashMap<>();
    enums.forEach(type -> enumMembers.put(type.name(), type.members()));
    InheritanceChecker inheritance = new InheritanceChecker(hierarchies, drafts, mixinColumns, enumMembers, diagnostics);
    inheritance.check();
    renames.checkFields(hierarchies, drafts, mixinColumns);
    Layout layout = new Layout(hierarchies, inheritance, drafts);
    Map<ReferenceEntry, ReferenceEntry> scalarSides = new OneToOneSides(drafts, diagnostics).find();
    ForeignKeys keys = new ForeignKeys(drafts, scalarSides, layout, diagnostics);
    for (ModelDraft draft : drafts.values()) {
      // A subclass has its parent's key.
      if (keys.primaryKey(draft).isEmpty() && !triedPrimaryKey(draft.model(), hierarchies) && hierarchies.parent(draft.name()).isEmpty()
          && !hierarchies.inCycle(draft.name())) {
        diagnostics.report(
            Diagnostic.of(
                Code.NO_PRIMARY_KEY,
                draft.model().span(),
                "model '" + draft.name() + "' has no primary key",
                "add one, for example: id int @pk"));
      }
    }
    RelationPairing.Pairs pairs = new RelationPairing(drafts, scalarSides, diagnostics).pair();
    dev.sqlagen.naming.ConstraintNames naming = NamingConvention.read(schema, diagnostics);
    EntityBuilder builder = new EntityBuilder(drafts, keys, scalarSides, pairs, layout, mixinColumns, diagnostics, docComments, naming);
    List<ModelDraft> ordered = parentsFirst(drafts, hierarchies);
    List<Entity> classes = new ArrayList<>();
    for (ModelDraft draft : ordered) {
      classes.add(builder.entity(draft));
    }
    List<LinkTable> linkTables = builder.linkTables();
    List<MixinType> mixins = new ArrayList<>();
    mixinColumns.forEach((name, entries) -> mixins.add(
        new MixinType(name, declarations.mixins().get(name).doc(), entries.stream().map(ColumnEntry::column).toList())));
    List<Entity> entities = withTableColumns(classes, hierarchies, inheritance, mixinColumns);
    TableOrder tableOrder = TableOrder.of(entities);
    new CycleCheck(diagnostics).check(entities, tableOrder, drafts);
    new NameClashes(diagnostics, hierarchies, mixinColumns).check(drafts, ordered, entities, linkTables, enums);
    unusedEnums(schema, declarations, enums);
    unusedMixins(declarations, hierarchies, mixinColumns);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    ResolvedSchema resolved = new ResolvedSchema(schema.file().name(), enums, mixins, entities, linkTables, tableOrder, renames.hints(), naming);
    indexNamesAcrossTables(resolved, declarations);
    return diagnostics.hasErrors() ? Optional.empty() : Optional.of(resolved);
  }

  /**
   * Tables, primary keys, unique constraints and indexes share one namespace per PostgreSQL schema
   * (each is a relation), and SQLite's index names are the database's: a name given exactly, or a
   * convention without the table's name, could repeat one of another table.
   */
  private void indexNamesAcrossTables(ResolvedSchema resolved, Declarations declarations) {
    Map<String, String> taken = new java.util.HashMap<>();
    dev.sqlagen.state.SchemaState state = dev.sqlagen.state.StateBuilder.of(resolved);
    for (dev.sqlagen.state.TableState table : state.tables()) {
      taken.putIfAbsent(key(table.schema(), table.name()), "table " + table.name());
    }
    for (dev.sqlagen.state.TableState table : state.tables()) {
      // A link table's names are the convention's (its model's tables' names are checked with them).
      for (String name : table.link().isEmpty() ? List.<String>of() : table.constraintNames()) {
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > TableConstructs.MAX_NAME) {
          diagnostics.report(Diagnostic.of(Code.NAME_TOO_LONG, declarations.models().get(table.link().get(0)).name().span(),
              "the many-to-many link table " + table.name() + " would have the name '" + name + "', " + bytes
                  + " bytes long; PostgreSQL cuts names at " + TableConstructs.MAX_NAME,
              "give the link table a shorter name with @through(\"...\"), or shorten the models' table names"));
        }
      }
    }
    for (dev.sqlagen.state.TableState table : state.tables()) {
      List<String> names = new ArrayList<>();
      names.add(table.primaryKey().name());
      table.uniques().forEach(u -> names.add(u.name()));
      table.indexes().forEach(i -> names.add(i.name()));
      for (String name : names) {
        String earlier = taken.putIfAbsent(key(table.schema(), name), "a key, constraint or index of table " + table.name());
        if (earlier != null && !earlier.endsWith(" of table " + table.name())) {
          Span at = table.model().map(declarations.models()::get).map(m -> m.name().span())
              .orElse(declarations.models().values().iterator().next().name().span());
          diagnostics.report(
              Diagnostic.of(
                  Code.DUPLICATE_CONSTRAINT_NAME,
                  at,
                  "'" + name + "' of table " + table.name() + " is also the name of " + earlier,
                  "give one of them another name: PostgreSQL keeps tables, keys, unique constraints and indexes in one namespace per schema"));
        }
      }
    }
  }

  private static String key(Optional<String> schema, String name) {
    return schema.orElse("") + "." + name.toLowerCase(java.util.Locale.ROOT);
  }

  /** Python needs a class before its subclasses; otherwise declaration order is kept. */
  private static List<ModelDraft> parentsFirst(Map<String, ModelDraft> drafts, Hierarchies hierarchies) {
    java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
    for (String name : drafts.keySet()) {
      List<String> chain = new ArrayList<>();
      for (String at = name; at != null && drafts.containsKey(at) && !order.contains(at); at = hierarchies.parent(at).orElse(null)) {
        chain.add(0, at);
      }
      order.addAll(chain);
    }
    return order.stream().map(drafts::get).toList();
  }

  /**
   * The columns of each table, in SQLAlchemy's order: per class mapped to it (parents first),
   * the class's own columns, then its mixins' columns in the order listed.
   */
  private List<Entity> withTableColumns(
      List<Entity> classes, Hierarchies hierarchies, InheritanceChecker inheritance, Map<String, List<ColumnEntry>> mixinColumns) {
    Map<String, List<Column>> byTable = new LinkedHashMap<>();
    for (Entity entity : classes) {
      List<Column> table = byTable.computeIfAbsent(entity.table(), t -> new ArrayList<>());
      table.addAll(entity.columns());
      for (dev.sqlagen.model.Name mixin : hierarchies.mixins(entity.name())) {
        mixinColumns.getOrDefault(mixin.text(), List.of()).forEach(c -> table.add(c.column()));
      }
    }
    List<Entity> entities = new ArrayList<>();
    for (Entity entity : classes) {
      entities.add(new Entity(
          entity.name(),
          entity.table(),
          entity.doc(),
          entity.columns(),
          entity.references(),
          entity.collections(),
          entity.schema(),
          entity.constraints(),
          hierarchies.mixins(entity.name()).stream().map(dev.sqlagen.model.Name::text).toList(),
          inheritance.polymorphism(entity.name()),
          inheritance.version(entity.name()),
          byTable.get(entity.table()),
          entity.comment(),
          entity.keyOrder(),
          entity.keyName()));
    }
    return entities;
  }

  /** A mixin that no model uses generates a class that nothing needs. */
  private void unusedMixins(Declarations declarations, Hierarchies hierarchies, Map<String, List<ColumnEntry>> mixinColumns) {
    for (Mixin mixin : declarations.mixins().values()) {
      String name = mixin.name().text();
      // An unknown base may be a misspelling of the mixin: its error says so.
      if (!hierarchies.used(name) && !hierarchies.hasUnknownBase() && !mixinColumns.getOrDefault(name, List.of()).isEmpty()) {
        diagnostics.report(
            Diagnostic.of(
                Code.UNUSED_MIXIN,
                mixin.name().span(),
                "mixin '" + name + "' is never used",
                "list it after a model's name, such as: model Customer : " + name + " { ... }, or remove the mixin"));
      }
    }
  }

  /** An enum that no field uses generates a class and a database type that nothing needs. */
  private void unusedEnums(Schema schema, Declarations declarations, List<EnumType> checked) {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Model model : schema.models()) {
      model.fields().forEach(field -> used.add(field.type().name().text()));
    }
    for (Mixin mixin : schema.mixins()) {
      mixin.fields().forEach(field -> used.add(field.type().name().text()));
    }
    // An enum written as a base is reported there.
    schema.models().forEach(model -> model.bases().stream()
        .filter(base -> declarations.enums().containsKey(base.text()))
        .forEach(base -> used.add(base.text())));
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
  private static boolean triedPrimaryKey(Model model, Hierarchies hierarchies) {
    // A misspelt @pk (reported as unknown, with "did you mean '@pk'?") counts as tried too, and
    // so does a key in a mixin (reported there).
    if (model.attributes().stream().anyMatch(a -> a.name().text().equals("pk"))) {
      return true; // @@pk, reported if it failed
    }
    List<dev.sqlagen.model.Field> fields = new ArrayList<>(model.fields());
    hierarchies.mixinDecls(model.name().text()).forEach(mixin -> fields.addAll(mixin.fields()));
    return fields.stream().anyMatch(f -> f.attributes().stream().anyMatch(a -> FieldAttributes.meansPrimaryKey(a.name().text())));
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
      for (Name member : decl.members().stream().map(EnumMember::name).toList()) {
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
      Map<String, EnumMember> byValue = new LinkedHashMap<>();
      for (EnumMember member : decl.members()) {
        String value = member.storedValue();
        dev.sqlagen.source.Span at = member.value().map(v -> v.span()).orElse(member.span());
        String problem = null;
        String help = "write a shorter value: PG_13 = \"PG-13\"";
        if (value.isEmpty()) {
          problem = "an enum value cannot be empty";
          help = "write a value, or leave out '= \"\"' to store the member's name";
        } else if (value.indexOf('\0') >= 0) {
          problem = "an enum value cannot hold a NUL character (\\0): no database stores it";
          help = "remove the \\0";
        } else if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
          problem = "enum value '" + value + "' is longer than PostgreSQL's 63 bytes for an enum label";
        }
        if (problem != null) {
          diagnostics.report(Diagnostic.of(Code.BAD_ENUM_VALUE, at, problem, help));
          ok = false;
          continue;
        }
        EnumMember earlier = byValue.putIfAbsent(value, member);
        // A member listed twice has its error already.
        if (earlier != null && !earlier.name().text().equals(member.name().text())) {
          diagnostics.report(
              Diagnostic.of(
                  Code.BAD_ENUM_VALUE,
                  at,
                  "members '" + earlier.name().text() + "' and '" + member.name().text() + "' both store '" + value + "'",
                  "give each member its own value"));
          ok = false;
        }
      }
      if (!ok) {
        return Optional.empty();
      }
      List<String> members = decl.memberNames();
      List<String> values = decl.members().stream().map(EnumMember::storedValue).toList();
      return Optional.of(new EnumType(decl.name().text(), DbNames.enumType(decl.name().text()), members, values, decl.doc()));
    }
  }
}
