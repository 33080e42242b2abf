package dev.sqlagen.check;

import dev.sqlagen.check.FieldAttributes.FieldKind;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.naming.DbNames;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.Loading;
import dev.sqlagen.resolved.ReferentialAction;
import dev.sqlagen.resolved.Polymorphism;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one model's own fields and model attributes, producing a {@link ModelDraft}; and a
 * mixin's fields, which must be plain columns.
 */
final class ModelChecker {
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  private final TypeResolver types;
  private final DefaultResolver defaults;
  private final RelationAttributes relations;
  private final ColumnConstructs constructs;
  /** The fields the model being checked lists in {@code @@pk}: each is part of its key. */
  private java.util.Set<String> keyFields = java.util.Set.of();

  /** False for {@code @@doc_comments(false)}: a doc comment is no database comment. */
  private final boolean docComments;

  ModelChecker(Declarations declarations, Diagnostics diagnostics, boolean docComments) {
    this.docComments = docComments;
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.types = new TypeResolver(declarations, diagnostics);
    this.defaults = new DefaultResolver(declarations, diagnostics);
    this.relations = new RelationAttributes(diagnostics);
    this.constructs = new ColumnConstructs(diagnostics, defaults);
  }

  /**
   * @param inherited the fields the model gets from its parents and mixins, each with where it
   *     comes from ("model Employee", "mixin Timestamps"): the model may not declare them again
   */
  ModelDraft check(Model model, Map<String, String> inherited) {
    List<ModelDraft.Entry> entries = new ArrayList<>();
    Map<String, Name> fieldNames = new HashMap<>();
    boolean incomplete = false;
    Optional<ModelDraft.KeySpec> key = keySpec(model);
    keyFields = key.map(k -> k.fields().stream().map(Name::text).collect(java.util.stream.Collectors.toSet())).orElse(java.util.Set.of());
    boolean soleKey = key.isPresent() ? key.get().fields().size() == 1
        : model.fields().stream().filter(f -> f.attributes().stream().anyMatch(a -> a.name().text().equals("pk"))).count() == 1;
    for (Field field : model.fields()) {
      if (!checkFieldName(field.name(), fieldNames)) {
        continue;
      }
      String origin = inherited.get(field.name().text());
      if (origin != null) {
        diagnostics.report(
            Diagnostic.of(
                Code.REDECLARED_FIELD,
                field.name().span(),
                "field '" + field.name().text() + "' is inherited from " + origin,
                "remove it here, or rename it; a subclass or mixin user cannot redefine an inherited field"));
        continue;
      }
      Optional<FieldType> type = types.resolve(field.type());
      incomplete |= type.isEmpty();
      type.flatMap(t -> entry(field, t, soleKey)).ifPresent(entries::add);
    }
    key.ifPresent(k -> checkKeyFields(model, k));
    keyFields = java.util.Set.of();
    String table = DbNames.table(model.name().text());
    ModelDraft.ModelAttributes attributes = modelAttributes(model, key);
    comment(attributes.comment(), model.doc().filter(d -> docComments), "model");
    table = attributes.table().flatMap(ModelChecker::givenTable).orElse(table);
    return new ModelDraft(model, table, TableConstructs.schema(model, diagnostics), entries, incomplete, attributes);
  }

  /** A mixin's fields: columns without keys, discriminators or version marks. */
  List<ModelDraft.ColumnEntry> checkMixin(Mixin mixin) {
    for (Attribute attribute : mixin.attributes()) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_MIXIN,
              attribute.span(),
              "a mixin takes no model attributes",
              attribute.name().text().equals(RenameChecks.WAS)
                  // A mixin is a Python class only: each model that uses it has the columns.
                  ? "a mixin has no table to rename: remove '@@was'; a renamed field of it takes @was(old_name)"
                  : "put '@@" + attribute.name().text() + "' on each model that uses mixin " + mixin.name().text()));
    }
    if (mixin.fields().isEmpty()) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_MIXIN,
              mixin.span(),
              "mixin '" + mixin.name().text() + "' has no fields",
              "give it the columns its models share, such as: created_at datetime(tz) = now()"));
    }
    List<ModelDraft.ColumnEntry> columns = new ArrayList<>();
    Map<String, Name> fieldNames = new HashMap<>();
    for (Field field : mixin.fields()) {
      if (!checkFieldName(field.name(), fieldNames)) {
        continue;
      }
      Optional<FieldType> type = types.resolve(field.type());
      if (type.isPresent() && type.get() instanceof FieldType.ModelRef ref) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_MIXIN,
                field.type().name().span(),
                "a mixin holds columns only; '" + field.name().text() + "' refers to model " + ref.model(),
                "declare the " + (field.type().collection() ? "collection" : "reference") + " in each model that uses mixin " + mixin.name().text()));
        continue;
      }
      type.flatMap(t -> entry(field, t, false)).map(ModelDraft.ColumnEntry.class::cast).ifPresent(entry -> {
        boolean plain = true;
        for (Attribute attribute : field.attributes()) {
          attribute.named("name").ifPresent(name -> diagnostics.report(
              Diagnostic.of(
                  Code.BAD_EXACT_NAME,
                  name.span(),
                  "a mixin's column is in every table of the models that use it, and one name can be in one table only",
                  "remove name:, or declare " + field.name().text() + " in each model with a name of its own")));
          plain &= attribute.named("name").isEmpty();
        }
        for (Attribute attribute : field.attributes()) {
          String name = attribute.name().text();
          boolean marks = (name.equals("pk") && entry.column().primaryKey())
              || (name.equals("discriminator") && entry.discriminator().isPresent())
              || (name.equals("version") && entry.version().isPresent());
          if (marks) {
            plain = false;
            diagnostics.report(
                Diagnostic.of(
                    Code.BAD_MIXIN,
                    attribute.span(),
                    "a mixin's column cannot be '@" + name + "'",
                    "declare " + field.name().text() + " in each model instead: a model's "
                        + (name.equals("pk") ? "key" : name.equals("version") ? "version column" : "discriminator") + " is part of its class"));
          }
        }
        if (IndexArguments.tableLevel(field)) {
          plain = false;
          diagnostics.report(
              Diagnostic.of(
                  Code.BAD_MIXIN,
                  field.name().span(),
                  "a mixin's column cannot take index or unique arguments: a mixin has no table of its own",
                  "write @@index(" + field.name().text() + ", ...) or @@unique_index(" + field.name().text()
                      + ", ...) in each model that uses mixin " + mixin.name().text()));
        }
        if (plain) {
          columns.add(entry);
        }
      });
    }
    return columns;
  }

  /**
   * The database comment of a column or table: {@code @comment("text")} (or {@code @@comment}), none
   * for {@code @comment(false)}, else the doc comment.
   */
  Optional<String> comment(Optional<Attribute> attribute, Optional<String> doc, String what) {
    if (attribute.isPresent() && doc.isEmpty() && FieldAttributes.flag(attribute.get()).equals(Optional.of(false))) {
      String name = attribute.get().name().text();
      String written = (what.equals("field") ? "@" : "@@") + name;
      diagnostics.report(
          Diagnostic.of(
              Code.REDUNDANT_ATTRIBUTE,
              attribute.get().span(),
              "'" + written + "(false)' has no effect: no doc comment becomes this " + what + "'s database comment",
              "only a /// doc comment becomes a database comment; remove '" + written + "(false)'"));
    }
    return commentOf(attribute, doc);
  }

  /** The comment {@code @comment} or {@code @@comment} gives, the doc comment without one. */
  static Optional<String> commentOf(Optional<Attribute> attribute, Optional<String> doc) {
    if (attribute.isEmpty()) {
      return doc;
    }
    List<Value> args = attribute.get().args();
    if (args.size() == 1 && args.get(0) instanceof Value.StringValue text && !text.value().isBlank()) {
      return Optional.of(text.value());
    }
    return Optional.empty();
  }

  private boolean checkFieldName(Name name, Map<String, Name> seen) {
    if (name.text().startsWith("__")) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_NAME, name.span(), "field names may not start with '__'", "Python reserves dunder names"));
      return false;
    }
    if (declarations.declaresClass(name.text()) || Declarations.HELPERS.contains(name.text())) {
      // In the class body such a field would hide the class (or helper) that later lines use.
      diagnostics.report(
          Diagnostic.of(
              Code.DUPLICATE_PYTHON_NAME,
              name.span(),
              "field '" + name.text() + "' has the name of " + (declarations.enums().containsKey(name.text()) ? "an enum"
                  : declarations.models().containsKey(name.text()) ? "a model"
                  : declarations.mixins().containsKey(name.text()) ? "a mixin" : "a generated helper") + "; the generated class needs that name",
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
      if (columnType.kind() == ColumnType.Kind.ENUM || !ColumnType.canBeArrayElement(columnType.kind())) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_ARRAY,
                field.type().name().span(),
                "an array of " + (columnType.kind() == ColumnType.Kind.ENUM ? "enum " : "") + columnType.spelling() + " is not supported",
                "arrays hold int, bigint, smallint, float, real, bool, string(n), char(n), varchar, text, inet or cidr"
                    + " (SQLite stores them as JSON); a list of other values needs its own model"));
        return Optional.empty();
      }
      columnType = columnType.arrayOf();
    }
    return column(field, columnType, soleKey);
  }

  private Optional<ModelDraft.Entry> column(Field field, ColumnType type, boolean soleKey) {
    FieldAttributes attributes = listedKey(field, FieldAttributes.read(field, FieldKind.COLUMN, diagnostics));
    boolean nullable = field.type().optional();
    ModelDraft.ObjectNames names = names(attributes);
    boolean unique = attributes.unique();
    boolean index = attributes.index();
    if (attributes.primaryKey() && soleKey) {
      // The key is unique and indexed already: a constraint or index of the same column would repeat it.
      unique = false;
      index = false;
      names = new ModelDraft.ObjectNames(names.primaryKey(), Optional.empty(), Optional.empty(), names.check(), Optional.empty());
    }
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
    marks(field, type, nullable, attributes, defaultValue.isPresent() || !field.defaults().isEmpty());
    Column column =
        new Column(
            field.name().text(),
            name,
            type,
            nullable,
            attributes.primaryKey(),
            // Said by a table-level index or constraint instead where it has index arguments (TableConstructs).
            unique && !IndexArguments.tableLevel(field),
            index && !IndexArguments.tableLevel(field),
            defaultValue,
            field.doc(),
            Optional.empty(),
            options,
            comment(attributes.attribute("comment"), field.doc().filter(d -> docComments), "field"));
    return Optional.of(new ModelDraft.ColumnEntry(
        field, column, constructs.check(attributes), attributes.discriminator(), attributes.version(), names));
  }

  /**
   * {@code @discriminator}: a NOT NULL string or enum that the ORM fills in from the class.
   * {@code @version}: a NOT NULL integer counter that the ORM sets and increments.
   */
  private void marks(Field field, ColumnType type, boolean nullable, FieldAttributes attributes, boolean hasDefault) {
    attributes.discriminator().ifPresent(mark -> {
      String problem = null;
      if (type.array() || type.kind() != ColumnType.Kind.STRING && type.kind() != ColumnType.Kind.ENUM) {
        problem = "a discriminator is a string(n) or an enum column, not " + field.type().name().text();
      } else if (nullable) {
        problem = "a discriminator cannot be nullable";
      } else if (attributes.primaryKey()) {
        problem = "a discriminator cannot be the primary key";
      } else if (hasDefault) {
        problem = "a discriminator takes no default: the ORM sets it from the object's class";
      }
      if (problem != null) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_DISCRIMINATOR,
                mark.span(),
                problem,
                "write it as: " + field.name().text() + " string(30) @discriminator, or with an enum of the identities"));
      }
    });
    attributes.version().ifPresent(mark -> {
      String problem = null;
      if (!type.isInteger()) {
        problem = "a version column is an integer, not " + field.type().name().text();
      } else if (nullable) {
        problem = "a version column cannot be nullable";
      } else if (attributes.primaryKey()) {
        problem = "a version column cannot be the primary key";
      } else if (attributes.discriminator().isPresent()) {
        problem = "a column cannot be both the discriminator and the version";
      } else if (hasDefault) {
        problem = "a version column takes no default: the ORM sets it to 1 and counts up";
      }
      if (problem != null) {
        diagnostics.report(
            Diagnostic.of(Code.BAD_VERSION, mark.span(), problem, "write it as: " + field.name().text() + " int @version"));
      }
    });
  }

  private Optional<ModelDraft.Entry> reference(Field field, String target) {
    FieldAttributes attributes = listedKey(field, FieldAttributes.read(field, FieldKind.REFERENCE, diagnostics));
    attributes.attribute("index").filter(index -> index.named("name").isEmpty() && index.args().isEmpty()).ifPresent(index -> diagnostics.report(
        Diagnostic.of(Code.REDUNDANT_ATTRIBUTE, index.span(), "a reference's foreign key is indexed already",
            "remove '@index', or give the index its exact name: @index(name: \"...\")")));
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
    if (IndexArguments.tableLevel(field)) {
      diagnostics.report(Diagnostic.of(Code.BAD_INDEX_OPTION, field.name().span(),
          "index and unique arguments on a reference are not supported yet",
          "index its foreign-key column with @@index or @@unique_index in the model, such as @@unique_index("
              + field.name().text() + ", nulls_not_distinct: true)"));
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
    boolean constraint = foreignKeyConstraint(attributes, onDelete.isPresent() || onUpdate.isPresent());
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
            loading,
            attributes.index() || attributes.attribute("index").isEmpty(),
            constraint,
            names(attributes)));
  }

  /**
   * {@code @fk(..., constraint: false)}: the relationship joins on the column in the ORM only, the
   * database has no FOREIGN KEY constraint (so it takes no referential action).
   */
  private boolean foreignKeyConstraint(FieldAttributes attributes, boolean actions) {
    Optional<Attribute> fk = attributes.attribute("fk");
    Optional<Value> value = fk.flatMap(a -> a.named("constraint"));
    if (value.isEmpty()) {
      return true;
    }
    if (!(value.get() instanceof Value.NameValue flag) || !(flag.name().equals("true") || flag.name().equals("false"))) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, value.get().span(), "'constraint:' takes true or false",
              "write @fk(column, constraint: false) for a relationship without a FOREIGN KEY constraint"));
      return true;
    }
    if (flag.name().equals("true")) {
      return true;
    }
    if (actions) {
      Attribute action = attributes.attribute("ondelete").or(() -> attributes.attribute("onupdate")).orElseThrow();
      diagnostics.report(
          Diagnostic.of(Code.BAD_FOREIGN_KEY_CONSTRAINT, action.span(),
              "'@" + action.name().text() + "' on a reference without a FOREIGN KEY constraint",
              "a referential action belongs to the constraint: remove it, or remove 'constraint: false'"));
    }
    return false;
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

  private static final List<String> MODEL_ATTRIBUTES = List.of("table", "inheritance", "identity", "comment");

  /**
   * The field's attributes, marked as a key if {@code @@pk} lists it; an {@code @pk} of its own is
   * an error then: the key is given in one place.
   */
  private FieldAttributes listedKey(Field field, FieldAttributes attributes) {
    if (keyFields.isEmpty()) {
      return attributes;
    }
    attributes.attribute("pk").ifPresent(pk -> diagnostics.report(Diagnostic.of(Code.BAD_PRIMARY_KEY, pk.span(),
        "'@pk' on '" + field.name().text() + "', and the model's '@@pk' gives the whole key",
        keyFields.contains(field.name().text()) ? "remove '@pk': @@pk lists " + field.name().text() + " already"
            : "remove '@pk', or list " + field.name().text() + " in @@pk")));
    boolean listed = keyFields.contains(field.name().text());
    return new FieldAttributes(listed, attributes.unique(), attributes.index(), attributes.column(), attributes.foreignKey(),
        attributes.inverse(), attributes.given());
  }

  /** The exact names the field's attributes give ({@code name: "..."}). */
  private ModelDraft.ObjectNames names(FieldAttributes attributes) {
    Optional<Name> unique = ExactNames.of(attributes.attribute("unique").orElse(null), diagnostics);
    Optional<Name> index = ExactNames.of(attributes.attribute("index").orElse(null), diagnostics);
    if (unique.isPresent() && attributes.index()) {
      diagnostics.report(Diagnostic.of(Code.BAD_EXACT_NAME, unique.get().span(),
          "a column with @unique and @index has one unique index, named by @index",
          "write @unique @index(name: \"" + unique.get().text() + "\")"));
      unique = Optional.empty();
    }
    return new ModelDraft.ObjectNames(
        ExactNames.of(attributes.attribute("pk").orElse(null), diagnostics),
        unique,
        index,
        ExactNames.of(attributes.attribute("check").orElse(null), diagnostics),
        ExactNames.of(attributes.attribute("fk").orElse(null), diagnostics));
  }

  /** {@code @@pk(a, b, name: "...")}, if given and well formed. */
  private Optional<ModelDraft.KeySpec> keySpec(Model model) {
    List<Attribute> given = model.attributes().stream().filter(a -> a.name().text().equals("pk")).toList();
    if (given.isEmpty()) {
      return Optional.empty();
    }
    given.stream().skip(1).forEach(a -> diagnostics.report(
        Diagnostic.of(Code.DUPLICATE_ATTRIBUTE, a.span(), "'@@pk' is given twice", "remove one")));
    Attribute at = given.get(0);
    List<Name> fields = new ArrayList<>();
    boolean ok = true;
    for (Value arg : at.args()) {
      if (arg instanceof Value.NameValue n) {
        fields.add(new Name(n.name(), n.span()));
      } else {
        diagnostics.report(Diagnostic.of(Code.BAD_PRIMARY_KEY, arg.span(), "'@@pk' lists the key's field names",
            "write such as @@pk(payment_date, payment_id)"));
        ok = false;
      }
    }
    if (ok && fields.isEmpty()) {
      diagnostics.report(Diagnostic.of(Code.BAD_PRIMARY_KEY, at.span(), "'@@pk' needs the fields of the key, in key order",
          "write such as @@pk(payment_date, payment_id)"));
      ok = false;
    }
    Optional<Name> name = ExactNames.of(at, diagnostics);
    return ok ? Optional.of(new ModelDraft.KeySpec(fields, name, at)) : Optional.empty();
  }

  /** Each field {@code @@pk} lists is a column or reference of the model, listed once. */
  private void checkKeyFields(Model model, ModelDraft.KeySpec key) {
    Map<String, Field> fields = new java.util.LinkedHashMap<>();
    model.fields().forEach(f -> fields.putIfAbsent(f.name().text(), f));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Name name : key.fields()) {
      Field field = fields.get(name.text());
      if (field == null) {
        diagnostics.report(Diagnostic.of(Code.BAD_PRIMARY_KEY, name.span(), "model '" + model.name().text() + "' has no field '" + name.text() + "'",
            dev.sqlagen.diag.Suggestions.nearest(name.text(), fields.keySet()).map(s -> "did you mean '" + s + "'?")
                .orElse("@@pk lists fields of this model (not of its mixins or parents)")));
      } else if (field.type().collection()) {
        diagnostics.report(Diagnostic.of(Code.BAD_PRIMARY_KEY, name.span(), "'" + name.text() + "' is a collection, which has no column in this table",
            "list columns and references in @@pk"));
      } else if (!seen.add(name.text())) {
        diagnostics.report(Diagnostic.of(Code.BAD_PRIMARY_KEY, name.span(), "'" + name.text() + "' is listed twice", "remove one"));
      }
    }
  }

  private ModelDraft.ModelAttributes modelAttributes(Model model, Optional<ModelDraft.KeySpec> key) {
    Map<String, Attribute> seen = new HashMap<>();
    Optional<Polymorphism.Strategy> strategy = Optional.empty();
    Optional<Value.StringValue> identity = Optional.empty();
    for (Attribute attribute : model.attributes()) {
      String name = attribute.name().text();
      if (TableConstructs.MODEL_ATTRIBUTES.contains(name) && !MODEL_ATTRIBUTES.contains(name)) {
        continue; // checked by TableConstructs
      }
      if (name.equals(RenameChecks.WAS) || name.equals("pk")) {
        continue; // checked by RenameChecks, or by keySpec
      }
      if (!MODEL_ATTRIBUTES.contains(name)) {
        diagnostics.report(
            Diagnostic.of(
                Code.UNKNOWN_ATTRIBUTE,
                attribute.span(),
                "unknown model attribute '@@" + name + "'",
                modelAttributeHint(name)));
      } else if (seen.putIfAbsent(name, attribute) != null) {
        diagnostics.report(Diagnostic.of(Code.DUPLICATE_ATTRIBUTE, attribute.span(), "'@@" + name + "' is given twice", "remove one"));
      } else if (name.equals("table")) {
        tableArgument(attribute);
      } else if (name.equals("inheritance")) {
        strategy = strategyArgument(attribute);
      } else if (name.equals("comment")) {
        List<Value> args = attribute.args();
        boolean text = args.size() == 1 && args.get(0) instanceof Value.StringValue string && !string.value().isBlank();
        if (!text && !FieldAttributes.flag(attribute).equals(Optional.of(false))) {
          diagnostics.report(
              Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, args.isEmpty() ? attribute.span() : args.get(0).span(),
                  "'@@comment' takes false or the comment's text",
                  "write @@comment(false) (the doc comment stays a docstring only) or @@comment(\"the table's comment\")"));
          seen.remove(name);
        }
      } else {
        identity = identityArgument(attribute);
      }
    }
    return new ModelDraft.ModelAttributes(
        Optional.ofNullable(seen.get("table")).filter(a -> givenTable(a).isPresent()),
        Optional.ofNullable(seen.get("inheritance")),
        strategy,
        identity,
        Optional.ofNullable(seen.get("comment")),
        key);
  }

  private static Optional<String> givenTable(Attribute attribute) {
    if (attribute.args().size() == 1) {
      Value arg = attribute.args().get(0);
      if (arg instanceof Value.StringValue s && !s.value().isBlank()) {
        return Optional.of(s.value());
      }
      if (arg instanceof Value.NameValue n) {
        return Optional.of(n.name());
      }
    }
    return Optional.empty();
  }

  private Optional<Polymorphism.Strategy> strategyArgument(Attribute attribute) {
    if (attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.NameValue n) {
      if (n.name().equals("single")) {
        return Optional.of(Polymorphism.Strategy.SINGLE);
      }
      if (n.name().equals("joined")) {
        return Optional.of(Polymorphism.Strategy.JOINED);
      }
    }
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_ATTRIBUTE_ARGUMENT,
            attribute.args().isEmpty() ? attribute.span() : attribute.args().get(0).span(),
            "'@@inheritance' takes single or joined",
            "write @@inheritance(single) for one shared table, or @@inheritance(joined) for a table per subclass"));
    return Optional.empty();
  }

  private Optional<Value.StringValue> identityArgument(Attribute attribute) {
    if (attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.StringValue s && !s.value().isEmpty()) {
      return Optional.of(s);
    }
    if (attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.NameValue n) {
      return Optional.of(new Value.StringValue(n.name(), n.span()));
    }
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_ATTRIBUTE_ARGUMENT,
            attribute.args().isEmpty() ? attribute.span() : attribute.args().get(0).span(),
            "'@@identity' takes one value",
            "write @@identity(\"eng\"): the discriminator value of this model's rows"));
    return Optional.empty();
  }

  private static String modelAttributeHint(String name) {
    if (name.equals("tablename") || name.equals("map")) {
      return "did you mean '@@table'?";
    }
    if (name.equals("polymorphic_identity")) {
      return "did you mean '@@identity'?";
    }
    java.util.Set<String> all = new java.util.TreeSet<>(MODEL_ATTRIBUTES);
    all.addAll(TableConstructs.MODEL_ATTRIBUTES);
    all.add(RenameChecks.WAS);
    all.add("pk");
    Optional<String> near = dev.sqlagen.diag.Suggestions.nearest(name, all);
    if (near.isPresent()) {
      return "did you mean '@@" + near.get() + "'?";
    }
    if (name.equals("id")) {
      return "mark the key field with @pk instead, such as: id int @pk; or list the key's fields with @@pk(a, b)";
    }
    if (name.equals("discriminator") || name.equals("version")) {
      return "put @" + name + " on the field, such as: " + (name.equals("version") ? "version int @version" : "kind string(30) @discriminator");
    }
    return "model attributes are @@table, @@schema, @@check, @@index, @@unique, @@unique_index, @@inheritance, @@pk, @@identity, @@comment and @@was";
  }


  private void tableArgument(Attribute attribute) {
    if (givenTable(attribute).isEmpty()) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.span(), "'@@table' takes one name", "write @@table(\"blog_posts\")"));
    }
  }

  private <T> Optional<T> modifierError(Name at, String message, String help) {
    diagnostics.report(Diagnostic.of(Code.BAD_MODIFIER, at.span(), message, help));
    return Optional.empty();
  }
}
