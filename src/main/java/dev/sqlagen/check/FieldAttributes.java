package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.source.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of one field, validated against what its kind of field allows: columns take
 * {@code @pk @unique @index @column("name") @check @onupdate @identity @computed}; references take
 * {@code @fk(name) @inverse(field) @pk @unique} and the relationship attributes; collections take
 * {@code @inverse(field)} and the relationship attributes. Columns and references take the rename
 * hint {@code @was(old_name)} too. The arguments of the relationship attributes are read by
 * {@link RelationAttributes}; those of the table and value-source attributes are checked by
 * {@link ColumnConstructs}; that of {@code @was} by {@link RenameChecks}.
 */
record FieldAttributes(
    boolean primaryKey,
    boolean unique,
    boolean index,
    Optional<Name> column,
    List<Name> foreignKey,
    Optional<Name> inverse,
    Map<String, Attribute> given) {
  FieldAttributes {
    given = Map.copyOf(given);
  }

  /** {@code @discriminator}, if given. */
  Optional<Attribute> discriminator() {
    return attribute("discriminator");
  }

  /** {@code @version}, if given. */
  Optional<Attribute> version() {
    return attribute("version");
  }

  /** What a field is, which decides the attributes it may carry. */
  enum FieldKind {
    COLUMN(Set.of("pk", "unique", "index", "column", "check", "onupdate", "identity", "computed", "discriminator", "version", "was",
        "autoincrement", "comment")),
    REFERENCE(Set.of("fk", "inverse", "pk", "unique", "index", "ondelete", "onupdate", "load", "was")),
    COLLECTION(Set.of("inverse", "load", "order_by", "through", "ondelete"));

    private final Set<String> allowed;

    FieldKind(Set<String> allowed) {
      this.allowed = allowed;
    }
  }

  private static final Set<String> ALL =
      Set.of("pk", "unique", "index", "column", "fk", "inverse", "ondelete", "onupdate", "load", "order_by", "through",
          "check", "identity", "computed", "discriminator", "version", "was", "autoincrement", "comment");
  /** Attributes whose arguments {@link ColumnConstructs} checks, knowing the column's type. */
  private static final Set<String> COLUMN_CONSTRUCTS = Set.of("check", "onupdate", "identity", "computed");

  static FieldAttributes read(Field field, FieldKind kind, Diagnostics diagnostics) {
    Map<String, Attribute> seen = new HashMap<>();
    for (Attribute attribute : field.attributes()) {
      String name = attribute.name().text();
      if (!ALL.contains(name)) {
        diagnostics.report(
            Diagnostic.of(
                Code.UNKNOWN_ATTRIBUTE,
                attribute.span(),
                "unknown attribute '@" + name + "'",
                unknownHint(name)));
      } else if (!kind.allowed.contains(name)) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_MODIFIER,
                attribute.span(),
                "'@" + name + "' does not apply to " + describe(kind),
                name.equals(RenameChecks.WAS)
                    ? "a collection has no column to rename (a many-to-many's link table follows its models): remove '@was'"
                    : allowedHint(kind)));
      } else if (seen.putIfAbsent(name, attribute) != null) {
        diagnostics.report(
            Diagnostic.of(Code.DUPLICATE_ATTRIBUTE, attribute.span(), "'@" + name + "' is given twice", "remove one"));
      } else if (!COLUMN_CONSTRUCTS.contains(name)) {
        checkArguments(attribute, diagnostics);
      }
    }
    return new FieldAttributes(
        seen.containsKey("pk"),
        seen.containsKey("unique"),
        seen.containsKey("index") && !flag(seen.get("index")).equals(Optional.of(false)),
        nameArgument(seen.get("column")),
        nameArguments(seen.get("fk")),
        nameArgument(seen.get("inverse")),
        seen);
  }

  /** The attribute if it was given once and well-formed so far, such as {@code check} for {@code @check("qty > 0")}. */
  Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(given.get(name));
  }

  /** Spellings from SQL, Prisma and SQLAlchemy, and the attribute each stands for. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("id", "pk"),
          Map.entry("key", "pk"),
          Map.entry("primary", "pk"),
          Map.entry("primary_key", "pk"),
          Map.entry("primarykey", "pk"),
          Map.entry("indexed", "index"),
          Map.entry("idx", "index"),
          Map.entry("map", "column"),
          Map.entry("name", "column"),
          Map.entry("db_name", "column"),
          Map.entry("references", "fk"),
          Map.entry("foreign_key", "fk"),
          Map.entry("foreignkey", "fk"),
          Map.entry("back_populates", "inverse"),
          Map.entry("backref", "inverse"),
          Map.entry("on_delete", "ondelete"),
          Map.entry("on_update", "onupdate"),
          Map.entry("cascade", "ondelete"),
          Map.entry("lazy", "load"),
          Map.entry("orderby", "order_by"),
          Map.entry("order", "order_by"),
          Map.entry("secondary", "through"),
          Map.entry("constraint", "check"),
          Map.entry("updated", "onupdate"),
          Map.entry("auto_increment", "autoincrement"),
          Map.entry("serial", "autoincrement"),
          Map.entry("db_comment", "comment"),
          Map.entry("generated", "computed"),
          Map.entry("polymorphic_on", "discriminator"),
          Map.entry("type_column", "discriminator"),
          Map.entry("version_id", "version"),
          Map.entry("version_id_col", "version"),
          Map.entry("renamed_from", "was"),
          Map.entry("old_name", "was"),
          Map.entry("formerly", "was"));

  /** {@code @pk}, or a spelling of it that is reported with "did you mean '@pk'?". */
  static boolean meansPrimaryKey(String name) {
    return name.equals("pk") || "pk".equals(ALIASES.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  private static String unknownHint(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("relation")) {
      return "sqlagen pairs relationships itself: @fk(column_name) names a reference's foreign key, @inverse(field) names its collection";
    }
    if (lower.equals("default")) {
      return "a default is written after the type: '= value', such as: active bool = true";
    }
    if (lower.equals("nullable") || lower.equals("optional")) {
      return "a nullable field has '?' after its type, such as: bio text?";
    }
    String alias = ALIASES.get(lower);
    Optional<String> near = alias != null ? Optional.of(alias) : Suggestions.nearest(name, ALL);
    return near.map(s -> "did you mean '@" + s + "'?")
        .orElse("field attributes are @pk, @unique, @index, @column, @check, @onupdate, @identity, @autoincrement, @computed, @comment, @discriminator, @version, @fk, @inverse, @ondelete, @load, @order_by, @through and @was");
  }

  private static String describe(FieldKind kind) {
    return switch (kind) {
      case COLUMN -> "a column";
      case REFERENCE -> "a reference to a model";
      case COLLECTION -> "a collection";
    };
  }

  private static String allowedHint(FieldKind kind) {
    return switch (kind) {
      case COLUMN -> "a column takes @pk, @unique, @index, @column(\"name\"), @check, @onupdate, @identity, @autoincrement, @computed, @comment, @discriminator, @version and @was(old_name)";
      case REFERENCE -> "a reference takes @fk(column_name), @inverse(field), @pk, @unique, @index(false), @index(name: ...), @ondelete, @onupdate, @load and @was(old_name); its foreign key is indexed already";
      case COLLECTION -> "a collection takes @inverse(field), @load, @order_by and @through";
    };
  }

  /**
   * {@code @pk @unique @index @discriminator @version} take no arguments; {@code @column @inverse}
   * take one name, {@code @fk} one name per key column. The relationship attributes are read by
   * {@link RelationAttributes}; {@code @was} by {@link RenameChecks}.
   */
  private static void checkArguments(Attribute attribute, Diagnostics diagnostics) {
    String name = attribute.name().text();
    if (RelationAttributes.NAMES.contains(name)) {
      return;
    }
    if (name.equals(RenameChecks.WAS)) {
      RenameChecks.checkArgument(attribute, "field", diagnostics);
      return;
    }
    if (name.equals("index") || name.equals("autoincrement")) {
      if (!attribute.args().isEmpty() && flag(attribute).isEmpty()) {
        diagnostics.report(
            Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.args().get(0).span(), "'@" + name + "' takes nothing, true or false",
                name.equals("index") ? "write @index, or @index(false) for a reference whose foreign key needs no index"
                    : "write @autoincrement(false): the single integer key is then not numbered by the database"));
      }
      return;
    }
    if (name.equals("comment")) {
      List<Value> args = attribute.args();
      boolean text = args.size() == 1 && args.get(0) instanceof Value.StringValue string && !string.value().isBlank();
      if (!text && !flag(attribute).equals(Optional.of(false))) {
        diagnostics.report(
            Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, args.isEmpty() ? attribute.span() : args.get(0).span(),
                "'@comment' takes false or the comment's text",
                "write @comment(false) (the doc comment stays a docstring only) or @comment(\"the database comment\")"));
      }
      return;
    }
    if (name.equals("fk") && attribute.args().size() > 1) {
      for (Value arg : attribute.args()) {
        if (asName(arg).filter(n -> n.text().matches("[A-Za-z_][A-Za-z0-9_]*")).isEmpty()) {
          diagnostics.report(
              Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, arg.span(), "'@fk' takes column names", "write @fk(column_name, ...): one name per key column of the target"));
        }
      }
      return;
    }
    boolean takesName = name.equals("column") || name.equals("fk") || name.equals("inverse");
    List<Value> args = attribute.args();
    if (name.equals("fk") && args.isEmpty() && !attribute.named().isEmpty()) {
      return; // @fk(constraint: false): the default column names
    }
    if (!takesName && !args.isEmpty()) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_ATTRIBUTE_ARGUMENT, args.get(0).span(), "'@" + name + "' takes no arguments", "write @" + name));
    } else if (takesName && (args.size() != 1 || asName(args.get(0)).isEmpty()
        || (!name.equals("column") && !asName(args.get(0)).get().text().matches("[A-Za-z_][A-Za-z0-9_]*")))) {
      Span span = args.isEmpty() ? attribute.span() : args.get(0).span();
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_ATTRIBUTE_ARGUMENT,
              span,
              "'@" + name + "' takes one name",
              switch (name) {
                case "column" -> "write @column(\"db_name\")";
                case "fk" -> "write @fk(column_name): a name of letters, digits and '_'";
                default -> "write @inverse(field_name): the field on the other model";
              }));
    }
  }

  /** {@code true} or {@code false}, the one argument of an attribute such as {@code @index(false)}. */
  static Optional<Boolean> flag(Attribute attribute) {
    if (attribute != null && attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.NameValue value
        && (value.name().equals("true") || value.name().equals("false"))) {
      return Optional.of(value.name().equals("true"));
    }
    return Optional.empty();
  }

  private static List<Name> nameArguments(Attribute attribute) {
    if (attribute == null) {
      return List.of();
    }
    List<Name> names = new java.util.ArrayList<>();
    for (Value arg : attribute.args()) {
      Optional<Name> name = asName(arg);
      if (name.isEmpty()) {
        return List.of();
      }
      names.add(name.get());
    }
    return names;
  }

  private static Optional<Name> nameArgument(Attribute attribute) {
    if (attribute == null || attribute.args().size() != 1) {
      return Optional.empty();
    }
    return asName(attribute.args().get(0));
  }

  /** A name argument may be written bare or quoted; an empty or blank string is not a name. */
  static Optional<Name> asName(Value value) {
    if (value instanceof Value.NameValue name) {
      return Optional.of(new Name(name.name(), name.span()));
    }
    if (value instanceof Value.StringValue string && !string.value().isBlank()) {
      return Optional.of(new Name(string.value(), string.span()));
    }
    return Optional.empty();
  }
}
