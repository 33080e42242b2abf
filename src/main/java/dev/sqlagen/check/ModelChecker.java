package dev.sqlagen.check;

import dev.sqlagen.check.FieldAttributes.FieldKind;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.naming.DbNames;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.Loading;
import dev.sqlagen.resolved.ReferentialAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks one model's own fields and model attributes, producing a {@link ModelDraft}. */
final class ModelChecker {
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  private final TypeResolver types;
  private final DefaultResolver defaults;
  private final RelationAttributes relations;
  private final ColumnConstructs constructs;

  ModelChecker(Declarations declarations, Diagnostics diagnostics) {
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.types = new TypeResolver(declarations, diagnostics);
    this.defaults = new DefaultResolver(declarations, diagnostics);
    this.relations = new RelationAttributes(diagnostics);
    this.constructs = new ColumnConstructs(diagnostics, defaults);
  }

  ModelDraft check(Model model) {
    List<ModelDraft.Entry> entries = new ArrayList<>();
    Map<String, Name> fieldNames = new HashMap<>();
    boolean incomplete = false;
    boolean soleKey = model.fields().stream().filter(f -> f.attributes().stream().anyMatch(a -> a.name().text().equals("pk"))).count() == 1;
    for (Field field : model.fields()) {
      if (!checkFieldName(field.name(), fieldNames)) {
        continue;
      }
      Optional<FieldType> type = types.resolve(field.type());
      incomplete |= type.isEmpty();
      type.flatMap(t -> entry(field, t, soleKey)).ifPresent(entries::add);
    }
    String table = tableName(model);
    return new ModelDraft(model, table, TableConstructs.schema(model, diagnostics), entries, incomplete);
  }

  private boolean checkFieldName(Name name, Map<String, Name> seen) {
    if (name.text().startsWith("__")) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_NAME, name.span(), "field names may not start with '__'", "Python reserves dunder names"));
      return false;
    }
    if (declarations.models().containsKey(name.text()) || declarations.enums().containsKey(name.text())
        || name.text().equals(Declarations.ENUM_VALUES_HELPER)) {
      // In the class body such a field would hide the class (or helper) that later lines use.
      diagnostics.report(
          Diagnostic.of(
              Code.DUPLICATE_PYTHON_NAME,
              name.span(),
              "field '" + name.text() + "' has the name of " + (declarations.enums().containsKey(name.text()) ? "an enum"
                  : declarations.models().containsKey(name.text()) ? "a model" : "a generated helper") + "; the generated class needs that name",
              "rename the field, and keep its column name with @column(\"" + name.text() + "\") if needed"));
      return false;
    }
    Name earlier = seen.putIfAbsent(name.text(), name);
    if (earlier != null) {
      diagnostics.report(
          Diagnostic.of(
              Code.DUPLICATE_FIELD,
              name.span(),
              "field '" + name.text() + "' is already declared at " + earlier.span().location(),
              "rename one of them"));
      return false;
    }
    return true;
  }

  private Optional<ModelDraft.Entry> entry(Field field, FieldType type, boolean soleKey) {
    if (type instanceof FieldType.ModelRef ref) {
      return field.type().collection() ? collection(field, ref.model()) : reference(field, ref.model());
    }
    ColumnType columnType = ((FieldType.Scalar) type).type();
    if (field.type().collection()) {
      return modifierError(field.type().name(), "only a model can be a collection", "a list of values needs its own model");
    }
    return column(field, columnType, soleKey);
  }

  private Optional<ModelDraft.Entry> column(Field field, ColumnType type, boolean soleKey) {
    FieldAttributes attributes = FieldAttributes.read(field, FieldKind.COLUMN, diagnostics);
    boolean nullable = field.type().optional();
    if (attributes.primaryKey()) {
      for (Attribute attribute : field.attributes()) {
        String name = attribute.name().text();
        if ((name.equals("unique") && attributes.unique()) || (name.equals("index") && attributes.index())) {
          diagnostics.report(
              Diagnostic.of(
                  Code.REDUNDANT_ATTRIBUTE,
                  attribute.span(),
                  "'@" + name + "' has no effect on a primary key",
                  "a primary key is " + (name.equals("unique") ? "unique" : "indexed") + " already; remove '@" + name + "'"));
        }
      }
    }
    if (attributes.primaryKey() && nullable) {
      // Reported, then treated as the key it was meant to be, so no "no primary key" follows.
      modifierError(field.type().name(), "a primary key cannot be nullable", "remove the '?'");
      nullable = false;
    }
    Optional<ColumnDefault> defaultValue = Optional.empty();
    if (field.defaults().size() > 1) {
      Value second = field.defaults().get(1);
      diagnostics.report(Diagnostic.of(Code.BAD_DEFAULT, second.span(), "a field has one default", "remove one '= value'"));
    } else if (!field.defaults().isEmpty()) {
      defaultValue = defaults.resolve(field.defaults().get(0), type);
    }
    dev.sqlagen.resolved.ColumnOptions options = constructs.options(field, attributes, type, soleKey);
    if (options.identity().isPresent() || options.computed().isPresent()) {
      defaultValue = Optional.empty(); // reported: the database supplies the value
    }
    String name = attributes.column().map(Name::text).orElse(field.name().text());
    Column column =
        new Column(
            field.name().text(),
            name,
            type,
            nullable,
            attributes.primaryKey(),
            attributes.unique(),
            attributes.index(),
            defaultValue,
            field.doc(),
            Optional.empty(),
            options);
    return Optional.of(new ModelDraft.ColumnEntry(field, column, constructs.check(attributes)));
  }

  private Optional<ModelDraft.Entry> reference(Field field, String target) {
    FieldAttributes attributes = FieldAttributes.read(field, FieldKind.REFERENCE, diagnostics);
    if (!field.defaults().isEmpty()) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_DEFAULT,
              field.defaults().get(0).span(),
              "a reference to a model cannot have a default",
              "set the related object in code, or make it nullable with '?'"));
    }
    boolean nullable = field.type().optional();
    if (attributes.primaryKey() && nullable) {
      modifierError(field.type().name(), "a primary key cannot be nullable", "remove the '?'");
      nullable = false;
    }
    Optional<ReferentialAction> onDelete = relations.action(attributes.attribute("ondelete"));
    Optional<ReferentialAction> onUpdate = relations.action(attributes.attribute("onupdate"));
    for (String name : List.of("ondelete", "onupdate")) {
      Optional<ReferentialAction> action = name.equals("ondelete") ? onDelete : onUpdate;
      if (action.equals(Optional.of(ReferentialAction.SET_NULL)) && !nullable) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_REFERENTIAL_ACTION,
                attributes.attribute(name).orElseThrow().span(),
                "'@" + name + "(set_null)' on a reference that cannot be null",
                "make the reference nullable: " + field.name().text() + " " + target + "?, or choose cascade or restrict"));
      }
    }
    Optional<Loading> loading = relations.loading(attributes.attribute("load"));
    if (loading.equals(Optional.of(Loading.WRITE_ONLY))) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_ATTRIBUTE_ARGUMENT,
              attributes.attribute("load").orElseThrow().args().get(0).span(),
              "a reference holds one object; only a collection can be write-only",
              "use select, selectin, joined or raise"));
      loading = Optional.empty();
    }
    return Optional.of(
        new ModelDraft.ReferenceEntry(
            field,
            target,
            nullable,
            attributes.foreignKey(),
            attributes.inverse(),
            attributes.primaryKey(),
            attributes.unique(),
            onDelete,
            onUpdate,
            loading));
  }

  private Optional<ModelDraft.Entry> collection(Field field, String target) {
    FieldAttributes attributes = FieldAttributes.read(field, FieldKind.COLLECTION, diagnostics);
    if (field.type().optional()) {
      return modifierError(field.type().name(), "a collection cannot be nullable", "an empty collection is the absence of items; remove the '?'");
    }
    if (!field.defaults().isEmpty()) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_DEFAULT, field.defaults().get(0).span(), "a collection cannot have a default", "collections start empty"));
    }
    // An @ondelete here is reported once the collection is paired: the message depends on its kind.
    return Optional.of(new ModelDraft.CollectionEntry(
        field,
        target,
        attributes.inverse(),
        relations.loading(attributes.attribute("load")),
        relations.orderBy(attributes.attribute("order_by")),
        relations.through(attributes.attribute("through"))));
  }

  private String tableName(Model model) {
    String table = DbNames.table(model.name().text());
    boolean seen = false;
    for (Attribute attribute : model.attributes()) {
      String name = attribute.name().text();
      if (!name.equals("table") && TableConstructs.MODEL_ATTRIBUTES.contains(name)) {
        continue; // checked by TableConstructs
      }
      if (!name.equals("table")) {
        diagnostics.report(
            Diagnostic.of(
                Code.UNKNOWN_ATTRIBUTE,
                attribute.span(),
                "unknown model attribute '@@" + name + "'",
                modelAttributeHint(name)));
      } else if (seen) {
        diagnostics.report(Diagnostic.of(Code.DUPLICATE_ATTRIBUTE, attribute.span(), "'@@table' is given twice", "remove one"));
      } else {
        seen = true;
        Optional<String> given = tableArgument(attribute);
        if (given.isPresent()) {
          table = given.get();
        }
      }
    }
    return table;
  }

  private static String modelAttributeHint(String name) {
    if (name.equals("tablename") || name.equals("map") || dev.sqlagen.diag.Suggestions.nearest(name, java.util.Set.of("table")).isPresent()) {
      return "did you mean '@@table'?";
    }
    if (name.equals("id")) {
      return "mark the key field with @pk instead, such as: id int @pk";
    }
    return dev.sqlagen.diag.Suggestions.nearest(name, TableConstructs.MODEL_ATTRIBUTES).map(n -> "did you mean '@@" + n + "'?")
        .orElse("model attributes are @@table, @@schema, @@check, @@index, @@unique and @@unique_index");
  }

  private Optional<String> tableArgument(Attribute attribute) {
    if (attribute.args().size() == 1) {
      Value arg = attribute.args().get(0);
      if (arg instanceof Value.StringValue s && !s.value().isBlank()) {
        return Optional.of(s.value());
      }
      if (arg instanceof Value.NameValue n) {
        return Optional.of(n.name());
      }
    }
    diagnostics.report(
        Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.span(), "'@@table' takes one name", "write @@table(\"blog_posts\")"));
    return Optional.empty();
  }

  private <T> Optional<T> modifierError(Name at, String message, String help) {
    diagnostics.report(Diagnostic.of(Code.BAD_MODIFIER, at.span(), message, help));
    return Optional.empty();
  }
}
