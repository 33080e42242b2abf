package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.CollectionEntry;
import dev.sqlagen.check.ModelDraft.ColumnEntry;
import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.naming.DbNames;
import dev.sqlagen.resolved.Collection;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.OrderTerm;
import dev.sqlagen.resolved.Reference;
import dev.sqlagen.resolved.ReferentialAction;
import dev.sqlagen.resolved.TableConstraint;
import dev.sqlagen.resolved.ColumnOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns checked drafts into entities once relationships are paired: foreign-key columns where
 * their reference stands, the relationships on both sides, and the link tables of many-to-many
 * pairs.
 */
final class EntityBuilder {
  private final Map<String, ModelDraft> drafts;
  private final ForeignKeys keys;
  private final Map<ReferenceEntry, ReferenceEntry> scalarSides;
  private final RelationPairing.Pairs pairs;
  private final Layout layout;
  private final Map<String, List<ColumnEntry>> mixinColumns;
  private final Diagnostics diagnostics;
  private final dev.sqlagen.naming.ConstraintNames naming;
  private final Map<ReferenceEntry, ReferenceEntry> scalarSideOf = new IdentityHashMap<>();
  private final Map<CollectionEntry, ReferenceEntry> mirrored = new IdentityHashMap<>();
  private final Map<CollectionEntry, String> linkTableOf = new IdentityHashMap<>();
  private final List<LinkTable> linkTables = new ArrayList<>();
  private final Map<String, Integer> declared = new HashMap<>();
  /** False for {@code @@doc_comments(false)}: a model's doc comment is no table comment. */
  private final boolean docComments;

  EntityBuilder(
      Map<String, ModelDraft> drafts,
      ForeignKeys keys,
      Map<ReferenceEntry, ReferenceEntry> scalarSides,
      RelationPairing.Pairs pairs,
      Layout layout,
      Map<String, List<ColumnEntry>> mixinColumns,
      Diagnostics diagnostics,
      boolean docComments,
      dev.sqlagen.naming.ConstraintNames naming) {
    this.docComments = docComments;
    this.naming = naming;
    this.drafts = drafts;
    this.keys = keys;
    this.scalarSides = scalarSides;
    this.pairs = pairs;
    this.layout = layout;
    this.mixinColumns = mixinColumns;
    this.diagnostics = diagnostics;
    scalarSides.forEach((side, reference) -> scalarSideOf.put(reference, side));
    pairs.inverseOf().forEach((reference, collection) -> mirrored.put(collection, reference));
    int i = 0;
    for (String name : drafts.keySet()) {
      declared.put(name, i++);
    }
  }

  List<LinkTable> linkTables() {
    return linkTables;
  }

  Entity entity(ModelDraft draft) {
    List<Column> columns = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    List<Collection> collections = new ArrayList<>();
    // What each field stands for in @@index, @@unique and the like: its database columns.
    Map<String, List<String>> fieldColumns = new java.util.LinkedHashMap<>();
    boolean unresolved = draft.incomplete();
    // The foreign-key columns of references written @index(false): no index of their own.
    Set<Column> unindexed = Collections.newSetFromMap(new IdentityHashMap<>());
    Optional<String> parent = layout.parent(draft.name());
    if (parent.isPresent() && !layout.singleSubclass(draft.name())) {
      joinedKey(parent.get()).ifPresent(key -> {
        columns.add(key);
        fieldColumns.put(key.field(), List.of(key.name()));
      });
    }
    for (var mixin : layout.hierarchies().mixins(draft.name())) {
      mixinColumns.getOrDefault(mixin.text(), List.of())
          .forEach(c -> fieldColumns.put(c.field().name().text(), List.of(c.column().name())));
    }
    for (ModelDraft.Entry entry : draft.entries()) {
      fieldColumns.put(entry.field().name().text(), List.of());
      if (entry instanceof ColumnEntry column) {
        columns.add(column.column());
        fieldColumns.put(column.field().name().text(), List.of(column.column().name()));
      } else if (entry instanceof ReferenceEntry reference && scalarSides.containsKey(reference)) {
        ReferenceEntry owner = scalarSides.get(reference);
        collections.add(new Collection(
            reference.name(), reference.target(), owner.name(), Collection.Kind.ONE_TO_ONE, Optional.empty(),
            deletion(owner), reference.loading(), List.of(), reference.field().doc()));
      } else if (entry instanceof ReferenceEntry reference) {
        List<Column> foreignKey = keys.columnsOf(reference);
        if (foreignKey.isEmpty()) {
          unresolved = true;
          continue; // reported on the target model or the reference already
        }
        columns.addAll(foreignKey);
        if (!reference.index()) {
          unindexed.addAll(foreignKey);
        }
        fieldColumns.put(reference.name(), foreignKey.stream().map(Column::name).toList());
        Optional<String> inverse = Optional.ofNullable(pairs.inverseOf().get(reference)).map(CollectionEntry::name)
            .or(() -> Optional.ofNullable(scalarSideOf.get(reference)).map(ReferenceEntry::name));
        references.add(new Reference(
            reference.name(), reference.target(), foreignKey.stream().map(Column::field).toList(), reference.nullable(),
            reference.unique() && foreignKey.size() == 1, inverse, reference.loading(), reference.field().doc()));
      } else {
        collection(draft, (CollectionEntry) entry).ifPresent(collections::add);
      }
    }
    List<Column> indexed = indexKeyReferences(columns, unindexed);
    ModelDraft owner = layout.tableOwner(draft.name());
    // Named after the table the rows live in: a single-table subclass's is its root's.
    ModelDraft named = owner == draft ? draft
        : new ModelDraft(draft.model(), owner.table(), owner.schema(), draft.entries(), draft.incomplete(), draft.attributes());
    Optional<dev.sqlagen.model.Name> keyName = keyName(owner);
    List<String> keyOrder = owner.attributes().key().isPresent()
        ? keys.primaryKey(owner).stream().map(Column::name).toList() : List.of();
    List<TableConstraint> constraints = List.of();
    if (!unresolved) { // a field without its column would be reported as unknown; its error is out already
      TableConstructs.Result table = TableConstructs.resolve(
          diagnostics, named, indexed, fieldColumns, naming, owner == draft ? keys.primaryKey(draft) : List.of(), keyName);
      indexed = table.columns();
      constraints = table.constraints();
    }
    if (owner != draft && !constraints.isEmpty()) {
      constraintsOnSingleTableSubclass(draft, owner);
      constraints = List.of();
    }
    return new Entity(
        draft.name(), owner.table(), draft.model().doc(), indexed, references, collections, owner.schema(), constraints,
        List.of(), Optional.empty(), Optional.empty(), indexed,
        ModelChecker.commentOf(draft.attributes().comment(), draft.model().doc().filter(d -> docComments)), keyOrder,
        keyName.map(dev.sqlagen.model.Name::text));
  }

  /** The key's exact name: {@code @@pk(..., name:)} or a key field's {@code @pk(name:)}, given once. */
  private Optional<dev.sqlagen.model.Name> keyName(ModelDraft draft) {
    List<dev.sqlagen.model.Name> given = new ArrayList<>();
    draft.attributes().key().flatMap(ModelDraft.KeySpec::name).ifPresent(given::add);
    for (ModelDraft.Entry entry : draft.entries()) {
      (entry instanceof ColumnEntry c ? c.names() : entry instanceof ReferenceEntry r ? r.names() : ModelDraft.ObjectNames.NONE)
          .primaryKey().ifPresent(given::add);
    }
    if (given.size() > 1 && given.stream().map(dev.sqlagen.model.Name::text).distinct().count() > 1 && draft == layout.tableOwner(draft.name())) {
      diagnostics.report(Diagnostic.of(Code.BAD_EXACT_NAME, given.get(1).span(),
          "the primary key is named twice: '" + given.get(0).text() + "' and '" + given.get(1).text() + "'",
          "a key has one name: give it on one of its fields, or in @@pk(..., name: \"...\")"));
    }
    return given.stream().findFirst();
  }

  /**
   * SQLAlchemy takes no {@code __table_args__} from a class without a table of its own, and the
   * root's cannot name the subclass's columns (they do not exist when the root is created), so a
   * CHECK or an index over a single-table subclass's columns has nowhere to go yet.
   */
  private void constraintsOnSingleTableSubclass(ModelDraft draft, ModelDraft owner) {
    List<dev.sqlagen.source.Span> at = new ArrayList<>();
    draft.model().attributes().stream()
        .filter(a -> TableConstructs.MODEL_ATTRIBUTES.contains(a.name().text()) && !a.name().text().equals("table"))
        .forEach(a -> at.add(a.span()));
    draft.model().fields().forEach(f -> f.attributes().stream()
        .filter(a -> a.name().text().equals("check")
            || ((a.name().text().equals("unique") || a.name().text().equals("index")) && a.named("name").isPresent()))
        .forEach(a -> at.add(a.span())));
    // @index or @unique with index arguments: a table-level index too (plain ones are index=True).
    List<dev.sqlagen.source.Span> withArguments = new ArrayList<>();
    draft.model().fields().stream().filter(IndexArguments::tableLevel).forEach(f -> f.attributes().stream()
        .filter(a -> a.name().text().equals("index") || a.name().text().equals("unique"))
        .forEach(a -> withArguments.add(a.span())));
    at.addAll(withArguments);
    at.sort(java.util.Comparator.comparingInt(dev.sqlagen.source.Span::line).thenComparingInt(dev.sqlagen.source.Span::column));
    for (dev.sqlagen.source.Span span : at) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_SUBCLASS_FIELD,
              span,
              "'" + draft.name() + "' is a single-table subclass: its table is " + owner.name()
                  + "'s, and constraints and indexes over a subclass's columns are not supported there yet",
              withArguments.contains(span)
                  ? "a plain @index or @unique on the field works (index=True, unique=True), without arguments; or make the hierarchy @@inheritance(joined)"
                  : "for a one-column index write @index on the field; or make the hierarchy @@inheritance(joined)"));
    }
  }

  /**
   * A joined-table subclass's key: a column of the parent key's name and type that is also a
   * foreign key to it; deleting the parent's row deletes the subclass's row.
   */
  private Optional<Column> joinedKey(String parent) {
    List<Column> key = keys.primaryKey(drafts.get(parent));
    if (key.size() != 1) {
      return Optional.empty(); // reported on the root
    }
    Column parentKey = key.get(0);
    ModelDraft owner = layout.tableOwner(parent);
    return Optional.of(new Column(
        parentKey.field(), parentKey.name(), parentKey.type(), false, true, false, false, Optional.empty(), Optional.empty(),
        Optional.of(new Column.ForeignKey(owner.table(), parentKey.name(), owner.schema(), Optional.of(ReferentialAction.CASCADE),
            Optional.empty(), Optional.empty())),
        ColumnOptions.NONE));
  }

  /**
   * A foreign-key column inside a composite primary key gets an index of its own unless it leads
   * the key: the key's index serves only lookups by its first column, and the database looks up
   * by each foreign key when a referenced row is deleted. Not those in {@code unindexed}, the
   * columns of references written {@code @index(false)}.
   */
  private static List<Column> indexKeyReferences(List<Column> columns, Set<Column> unindexed) {
    List<Column> key = columns.stream().filter(Column::primaryKey).toList();
    if (key.size() < 2) {
      return columns;
    }
    List<Column> result = new ArrayList<>(columns.size());
    for (Column c : columns) {
      boolean index = c.primaryKey() && c != key.get(0) && c.foreignKey().isPresent() && !c.index();
      result.add(index && !unindexed.contains(c) ? c.withIndex(true) : c);
    }
    return result;
  }

  private Optional<Collection> collection(ModelDraft owner, CollectionEntry collection) {
    ReferenceEntry reference = mirrored.get(collection);
    List<OrderTerm> orderBy = orderBy(collection);
    if (reference != null) {
      return Optional.of(new Collection(
          collection.name(), collection.target(), reference.name(), Collection.Kind.ONE_TO_MANY, Optional.empty(),
          deletion(reference), collection.loading(), orderBy, collection.field().doc()));
    }
    CollectionEntry partner = pairs.manyToMany().get(collection);
    if (partner == null || owner.name().equals(collection.target())) {
      return Optional.empty();
    }
    String table = linkTableOf.computeIfAbsent(collection, c -> linkTable(owner, collection, partner));
    linkTableOf.put(partner, table);
    return Optional.of(new Collection(
        collection.name(), collection.target(), partner.name(), Collection.Kind.MANY_TO_MANY, Optional.of(table),
        Collection.Deletion.DEFAULT, collection.loading(), orderBy, collection.field().doc()));
  }

  /** What the ORM does with related rows, following the foreign key's {@code ON DELETE}. */
  private static Collection.Deletion deletion(ReferenceEntry reference) {
    return reference.onDelete().map(action -> switch (action) {
      case CASCADE -> Collection.Deletion.DELETE_ORPHANS;
      case SET_NULL -> Collection.Deletion.PASSIVE;
      case RESTRICT -> Collection.Deletion.PASSIVE_ALL;
    }).orElse(Collection.Deletion.DEFAULT);
  }

  /** Creates the link table of a many-to-many pair; the model declared first is its left side. */
  private String linkTable(ModelDraft owner, CollectionEntry collection, CollectionEntry partner) {
    ModelDraft other = drafts.get(collection.target());
    boolean ownerFirst = declared.get(owner.name()) < declared.get(other.name());
    ModelDraft left = ownerFirst ? owner : other;
    ModelDraft right = ownerFirst ? other : owner;
    String table = collection.through().or(partner::through).map(n -> n.text())
        .orElse(DbNames.snake(left.name()) + "_" + right.table());
    List<Column> columns = new ArrayList<>();
    // Models whose names differ only in case (Item, item) are told apart by their tables.
    boolean sameSnake = DbNames.snake(left.name()).equals(DbNames.snake(right.name()));
    LinkSpec spec = linkSpec(owner, collection, partner);
    for (ModelDraft side : List.of(left, right)) {
      List<Column> key = keys.primaryKey(side);
      String prefix = sameSnake ? side.table() : DbNames.snake(side.name());
      Optional<Name> given = Optional.ofNullable(spec.columns().get(side.name()));
      if (given.isPresent() && key.size() != 1) {
        diagnostics.report(
            Diagnostic.of(Code.BAD_MANY_TO_MANY, given.get().span(),
                "a link table column named for '" + side.name() + "', whose primary key has " + key.size() + " columns",
                "naming the link table's columns works for a single-column key only: remove it"));
        given = Optional.empty();
      }
      for (Column keyColumn : key) {
        String name = given.map(Name::text).orElse(prefix + "_" + keyColumn.field());
        columns.add(new Column(name, name, keyColumn.type(), false, true, false, false, Optional.empty(), Optional.empty(),
            Optional.of(new Column.ForeignKey(side.table(), keyColumn.name(), side.schema(), spec.onDelete(),
                spec.onUpdate(), key.size() > 1 ? Optional.of(prefix) : Optional.empty())),
            ColumnOptions.NONE));
      }
    }
    if (columns.size() >= 2) {
      // In the schema of its left model, like the rest of that model's tables.
      linkTables.add(new LinkTable(table, left.schema(), left.name(), right.name(), columns));
    }
    return table;
  }

  /**
   * What {@code @through("name", fk: a, target_fk: b, ondelete: no_action, onupdate: cascade)} says
   * of a link table: its column for each model (by model name), and the actions of both its foreign
   * keys ({@code ondelete} CASCADE unless said otherwise; empty for {@code no_action}).
   */
  private record LinkSpec(Map<String, Name> columns, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {}

  private static final Map<String, Optional<ReferentialAction>> LINK_ACTIONS = Map.of(
      "cascade", Optional.of(ReferentialAction.CASCADE),
      "restrict", Optional.of(ReferentialAction.RESTRICT),
      "no_action", Optional.empty());

  private LinkSpec linkSpec(ModelDraft owner, CollectionEntry collection, CollectionEntry partner) {
    Optional<Attribute> own = collection.attribute("through").filter(a -> !a.named().isEmpty());
    Optional<Attribute> other = partner.attribute("through").filter(a -> !a.named().isEmpty());
    if (own.isPresent() && other.isPresent()) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_MANY_TO_MANY, other.get().span(),
              "the link table's columns and actions are given on both sides of the many-to-many",
              "give fk:, target_fk:, ondelete: and onupdate: in one '@through' only"));
      other = Optional.empty();
    }
    Optional<Attribute> spec = own.isPresent() ? own : other;
    Map<String, Name> columns = new HashMap<>();
    if (spec.isEmpty()) {
      return new LinkSpec(columns, Optional.of(ReferentialAction.CASCADE), Optional.empty());
    }
    // fk: is the column of the model whose collection says it; target_fk: that of the other model.
    String near = own.isPresent() ? owner.name() : collection.target();
    String far = own.isPresent() ? collection.target() : owner.name();
    Attribute through = spec.get();
    for (String key : List.of("fk", "target_fk")) {
      through.named(key).ifPresent(value -> {
        Optional<Name> name = FieldAttributes.asName(value).filter(n -> n.text().matches("[A-Za-z_][A-Za-z0-9_]*"));
        if (name.isEmpty()) {
          diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, value.span(), "'" + key + ":' takes a column name",
              "write " + key + ": column_name, a name of letters, digits and '_'"));
        } else if (columns.values().stream().anyMatch(n -> n.text().equals(name.get().text()))) {
          diagnostics.report(Diagnostic.of(Code.BAD_MANY_TO_MANY, value.span(),
              "the link table's two columns are both named '" + name.get().text() + "'", "give fk: and target_fk: different names"));
        } else {
          columns.put(key.equals("fk") ? near : far, name.get());
        }
      });
    }
    return new LinkSpec(columns, linkAction(through, "ondelete", Optional.of(ReferentialAction.CASCADE)),
        linkAction(through, "onupdate", Optional.empty()));
  }

  private Optional<ReferentialAction> linkAction(Attribute through, String key, Optional<ReferentialAction> otherwise) {
    Optional<Value> value = through.named(key);
    if (value.isEmpty()) {
      return otherwise;
    }
    if (value.get() instanceof Value.NameValue name && LINK_ACTIONS.containsKey(name.name())) {
      return LINK_ACTIONS.get(name.name());
    }
    diagnostics.report(Diagnostic.of(Code.BAD_REFERENTIAL_ACTION, value.get().span(),
        "'" + key + ":' of a link table takes cascade, restrict or no_action",
        "the link table's columns are its primary key and cannot be set to NULL; no_action writes no ON "
            + (key.equals("ondelete") ? "DELETE" : "UPDATE") + " clause"));
    return otherwise;
  }

  /** The order of a collection, by fields of its target that are columns. */
  private List<OrderTerm> orderBy(CollectionEntry collection) {
    ModelDraft target = drafts.get(collection.target());
    if (collection.orderBy().isEmpty() || target == null) {
      return List.of();
    }
    // A reference stands for its foreign-key columns, as in @@index.
    Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
    for (ModelDraft.Entry entry : target.entries()) {
      if (entry instanceof ColumnEntry column) {
        columns.put(column.column().field(), List.of(column.column().field()));
      } else if (entry instanceof ReferenceEntry reference && keys.holdsKey(reference)) {
        List<String> fields = keys.columnsOf(reference).stream().map(Column::field).toList();
        fields.forEach(f -> columns.put(f, List.of(f)));
        columns.putIfAbsent(reference.name(), fields);
      }
    }
    List<OrderTerm> terms = new ArrayList<>();
    for (RelationAttributes.OrderName term : collection.orderBy()) {
      List<String> fields = columns.get(term.field().text());
      if (fields == null || fields.isEmpty()) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_ORDER_BY,
                term.field().span(),
                target.name() + " has no column '" + term.field().text() + "' to order by",
                Optional.ofNullable(Suggestions.didYouMean(term.field().text(), columns.keySet()))
                    .orElse("order by columns of " + target.name() + ": " + String.join(", ", columns.keySet()))));
        continue;
      }
      fields.forEach(field -> terms.add(new OrderTerm(field, term.descending())));
    }
    return terms;
  }
}
