package dev.sqlagen.check;

import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Loading;
import dev.sqlagen.resolved.Polymorphism;
import dev.sqlagen.resolved.ReferentialAction;
import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A model after its own fields are checked, before relationships are resolved across models.
 * Entries keep declaration order, which the generated class keeps too. {@code incomplete} says
 * that some field's type did not resolve, so checks across models should not pile on.
 * {@code attributes} are its checked model attributes.
 */
record ModelDraft(
    Model model, String table, Optional<String> schema, List<Entry> entries, boolean incomplete, ModelAttributes attributes) {
  ModelDraft {
    entries = List.copyOf(entries);
  }

  /** The model attributes as checked: where each was written, for later diagnostics. */
  record ModelAttributes(
      Optional<Attribute> table,
      Optional<Attribute> inheritance,
      Optional<Polymorphism.Strategy> strategy,
      Optional<Value.StringValue> identity,
      Optional<Attribute> comment,
      Optional<KeySpec> key) {}

  /** {@code @@pk(a, b, name: "...")}: the key's fields in key order, its exact name, where it was written. */
  record KeySpec(List<Name> fields, Optional<Name> name, Attribute at) {
    KeySpec {
      fields = List.copyOf(fields);
    }
  }

  /**
   * The exact database names ({@code name: "..."}) a field gives the objects it makes: its key
   * ({@code @pk}), unique constraint, index, CHECK and foreign key ({@code @fk}).
   */
  record ObjectNames(
      Optional<Name> primaryKey, Optional<Name> unique, Optional<Name> index, Optional<Name> check, Optional<Name> foreignKey) {
    static final ObjectNames NONE = new ObjectNames(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  List<ColumnEntry> columns() {
    return entries.stream().filter(ColumnEntry.class::isInstance).map(ColumnEntry.class::cast).toList();
  }

  String name() {
    return model.name().text();
  }

  List<Column> primaryKey() {
    return entries.stream()
        .filter(e -> e instanceof ColumnEntry c && c.column().primaryKey())
        .map(e -> ((ColumnEntry) e).column())
        .toList();
  }

  List<ReferenceEntry> references() {
    return entries.stream().filter(ReferenceEntry.class::isInstance).map(ReferenceEntry.class::cast).toList();
  }

  List<CollectionEntry> collections() {
    return entries.stream().filter(CollectionEntry.class::isInstance).map(CollectionEntry.class::cast).toList();
  }

  /** One checked field. */
  sealed interface Entry {
    Field field();

    default String name() {
      return field().name().text();
    }

    /** The first attribute of this name written on the field, if any. */
    default Optional<Attribute> attribute(String name) {
      return field().attributes().stream().filter(a -> a.name().text().equals(name)).findFirst();
    }

    /** The span of an attribute of this field, or of the field's name if it was not given. */
    default Span attributeSpan(String attribute) {
      return attribute(attribute).map(Attribute::span).orElse(field().name().span());
    }
  }

  /**
   * A scalar field: one column, the SQL of its {@code @check}, and the {@code @discriminator} or
   * {@code @version} that marks it, if any.
   */
  record ColumnEntry(
      Field field, Column column, Optional<String> check, Optional<Attribute> discriminator, Optional<Attribute> version,
      ObjectNames names)
      implements Entry {}

  /**
   * A many-to-one reference, or the scalar side of a one-to-one (when its {@code @inverse} names
   * a reference back); its foreign-key columns are made once the target's key is known.
   * {@code index} is false for {@code @index(false)}: its foreign key gets no index of its own;
   * {@code constraint} is false for {@code @fk(..., constraint: false)}: it gets no FOREIGN KEY.
   */
  record ReferenceEntry(
      Field field,
      String target,
      boolean nullable,
      List<Name> foreignKey,
      Optional<Name> inverse,
      boolean primaryKey,
      boolean unique,
      Optional<ReferentialAction> onDelete,
      Optional<ReferentialAction> onUpdate,
      Optional<Loading> loading,
      boolean index,
      boolean constraint,
      ObjectNames names)
      implements Entry {}

  /** A one-to-many collection, or one side of a many-to-many. */
  record CollectionEntry(
      Field field,
      String target,
      Optional<Name> inverse,
      Optional<Loading> loading,
      List<RelationAttributes.OrderName> orderBy,
      Optional<Name> through)
      implements Entry {}
}
