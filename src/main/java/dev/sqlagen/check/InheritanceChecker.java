package dev.sqlagen.check;

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
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.Polymorphism;
import dev.sqlagen.resolved.Polymorphism.Strategy;
import dev.sqlagen.source.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each hierarchy as a whole, once every model's own fields are checked: the strategy and
 * discriminator on the root only, identities that fit the discriminator and differ, subclass
 * fields that suit the strategy, and one version column on the root. Produces each model's
 * {@link Polymorphism} and version column.
 */
final class InheritanceChecker {
  private final Hierarchies hierarchies;
  private final Map<String, ModelDraft> drafts;
  private final Map<String, List<ColumnEntry>> mixinColumns;
  private final Diagnostics diagnostics;
  /** The members of each enum that passed its own checks. */
  private final Map<String, List<String>> enumMembers;
  private final Map<String, Polymorphism> polymorphism = new HashMap<>();
  private final Map<String, String> versions = new HashMap<>();
  private final Set<String> rootsWithoutStrategy = new HashSet<>();
  /** Root → identity → the model that has it. */
  private final Map<String, Map<String, String>> identities = new HashMap<>();

  InheritanceChecker(
      Hierarchies hierarchies,
      Map<String, ModelDraft> drafts,
      Map<String, List<ColumnEntry>> mixinColumns,
      Map<String, List<String>> enumMembers,
      Diagnostics diagnostics) {
    this.hierarchies = hierarchies;
    this.enumMembers = enumMembers;
    this.drafts = drafts;
    this.mixinColumns = mixinColumns;
    this.diagnostics = diagnostics;
  }

  void check() {
    for (ModelDraft draft : drafts.values()) {
      Optional<String> parent = hierarchies.parent(draft.name()).filter(drafts::containsKey);
      ModelDraft root = drafts.get(hierarchies.root(draft.name()));
      if (root == null) {
        continue;
      }
      strategy(draft, parent, root);
      discriminator(draft, parent, root);
      version(draft, parent, root);
      if (parent.isPresent()) {
        subclassFields(draft, root);
      }
      identity(draft, parent, root);
    }
  }

  Optional<Polymorphism> polymorphism(String model) {
    return Optional.ofNullable(polymorphism.get(model));
  }

  Optional<String> version(String model) {
    return Optional.ofNullable(versions.get(model));
  }

  private void strategy(ModelDraft draft, Optional<String> parent, ModelDraft root) {
    Optional<Attribute> declared = draft.attributes().inheritance();
    if (parent.isPresent() && declared.isPresent()) {
      Optional<Strategy> rootStrategy = root.attributes().strategy();
      String hint = rootStrategy.isPresent() && !rootStrategy.equals(draft.attributes().strategy())
          ? root.name() + " uses @@inheritance(" + lower(rootStrategy.get()) + "); a hierarchy has one strategy: remove this line"
          : "remove it: " + draft.name() + " follows the strategy of its root, " + root.name();
      report(Code.BAD_INHERITANCE, declared.get().span(), "'@@inheritance' belongs on the root of the hierarchy, " + root.name(), hint);
    }
    if (parent.isPresent() && root.attributes().inheritance().isEmpty() && rootsWithoutStrategy.add(root.name())) {
      Name base = hierarchies.parentName(draft.name()).orElseThrow();
      report(
          Code.BAD_INHERITANCE,
          base.span(),
          "model '" + root.name() + "' is extended but declares no @@inheritance",
          "add @@inheritance(single) (one shared table) or @@inheritance(joined) (a table per subclass) to model " + root.name());
    }
    if (parent.isPresent() && root.attributes().strategy().orElse(null) == Strategy.SINGLE && draft.attributes().table().isPresent()) {
      report(
          Code.BAD_INHERITANCE,
          draft.attributes().table().get().span(),
          "single-table subclass " + draft.name() + " has no table of its own",
          "its rows go to " + root.name() + "'s table '" + root.table() + "': remove @@table, or use @@inheritance(joined) on " + root.name());
    }
    if (parent.isEmpty() && root.attributes().strategy().orElse(null) == Strategy.JOINED && draft.primaryKey().size() > 1) {
      report(
          Code.BAD_INHERITANCE,
          draft.attributes().inheritance().get().span(),
          "joined-table inheritance needs a single-column primary key on " + draft.name(),
          "give " + draft.name() + " one key, such as id int @pk: each subclass table's key refers to it");
    }
  }

  private void discriminator(ModelDraft draft, Optional<String> parent, ModelDraft root) {
    List<ColumnEntry> marked = draft.columns().stream().filter(c -> c.discriminator().isPresent()).toList();
    boolean isRoot = parent.isEmpty() && draft.attributes().inheritance().isPresent();
    if (isRoot) {
      if (marked.isEmpty() && draft.attributes().strategy().isPresent()) {
        report(
            Code.BAD_DISCRIMINATOR,
            draft.attributes().inheritance().get().span(),
            "model '" + draft.name() + "' declares @@inheritance but no discriminator",
            "add the column that tells the classes apart, such as: kind string(30) @discriminator");
      }
      for (ColumnEntry extra : marked.subList(Math.min(1, marked.size()), marked.size())) {
        report(
            Code.BAD_DISCRIMINATOR,
            extra.discriminator().get().span(),
            "a hierarchy has one discriminator; " + draft.name() + " has '" + marked.get(0).field().name().text() + "' already",
            "remove @discriminator here");
      }
      return;
    }
    for (ColumnEntry entry : marked) {
      report(
          Code.BAD_DISCRIMINATOR,
          entry.discriminator().get().span(),
          parent.isPresent()
              ? "the discriminator belongs on the root of the hierarchy, " + root.name()
              : "'@discriminator' needs @@inheritance on model " + draft.name(),
          parent.isPresent()
              ? "remove @discriminator here; declare one field with it in " + root.name()
              : "add @@inheritance(single) or @@inheritance(joined) to " + draft.name() + ", or remove @discriminator");
    }
  }

  private void version(ModelDraft draft, Optional<String> parent, ModelDraft root) {
    List<ColumnEntry> marked = draft.columns().stream().filter(c -> c.version().isPresent()).toList();
    for (int i = 0; i < marked.size(); i++) {
      ColumnEntry entry = marked.get(i);
      if (parent.isPresent()) {
        report(
            Code.BAD_VERSION,
            entry.version().get().span(),
            "a version column belongs on the root of the hierarchy, " + root.name(),
            "move it to " + root.name() + ": it counts the changes of the whole object");
      } else if (i > 0) {
        report(
            Code.BAD_VERSION,
            entry.version().get().span(),
            "a model has one version column; " + draft.name() + " has '" + marked.get(0).field().name().text() + "' already",
            "remove @version here");
      } else {
        versions.put(draft.name(), entry.column().field());
      }
    }
  }

  private void subclassFields(ModelDraft draft, ModelDraft root) {
    Strategy strategy = root.attributes().strategy().orElse(null);
    for (ColumnEntry entry : draft.columns()) {
      if (entry.column().primaryKey()) {
        Span at = entry.field().attributes().stream().filter(a -> FieldAttributes.meansPrimaryKey(a.name().text()))
            .findFirst().map(Attribute::span).orElse(entry.field().span());
        report(
            Code.BAD_SUBCLASS_FIELD,
            at,
            "subclass " + draft.name() + " has no primary key of its own",
            strategy == Strategy.SINGLE
                ? "its rows are in " + root.name() + "'s table, with " + root.name() + "'s key: remove @pk"
                : "its key is made for it: a foreign key to " + root.name() + "'s key; remove @pk");
      } else if (strategy == Strategy.SINGLE && notNullWithoutServerDefault(entry.column())) {
        String field = entry.field().name().text();
        report(
            Code.BAD_SUBCLASS_FIELD,
            entry.field().type().name().span(),
            "column '" + field + "' of single-table subclass " + draft.name() + " must be nullable",
            "the other rows of table '" + root.table() + "' have no value for it: write " + field + " " + entry.field().type().name().text()
                + "?, or give it a default (= value)");
      }
    }
    if (strategy != Strategy.SINGLE) {
      return;
    }
    for (ReferenceEntry reference : draft.references()) {
      if (!reference.nullable()) {
        String field = reference.field().name().text();
        report(
            Code.BAD_SUBCLASS_FIELD,
            reference.field().type().name().span(),
            "reference '" + field + "' of single-table subclass " + draft.name() + " must be nullable",
            "the other rows of table '" + root.table() + "' refer to no " + reference.target() + ": write " + field + " " + reference.target() + "?");
      }
    }
    for (Name mixin : hierarchies.mixins(draft.name())) {
      for (ColumnEntry entry : mixinColumns.getOrDefault(mixin.text(), List.of())) {
        if (notNullWithoutServerDefault(entry.column())) {
          report(
              Code.BAD_SUBCLASS_FIELD,
              mixin.span(),
              "mixin '" + mixin.text() + "' gives single-table subclass " + draft.name() + " the NOT NULL column '" + entry.column().field() + "'",
              "make " + entry.column().field() + " nullable in the mixin, give it a default (= value), or use the mixin on " + root.name());
        }
      }
    }
  }

  private static boolean notNullWithoutServerDefault(Column column) {
    return !column.nullable() && column.defaultValue().map(d -> !d.inDatabase()).orElse(true);
  }

  private void identity(ModelDraft draft, Optional<String> parent, ModelDraft root) {
    Optional<Value.StringValue> given = draft.attributes().identity();
    boolean inHierarchy = parent.isPresent() || draft.attributes().inheritance().isPresent();
    if (!inHierarchy) {
      given.ifPresent(value -> report(
          Code.BAD_INHERITANCE,
          value.span(),
          "'@@identity' applies to models in an inheritance hierarchy",
          "add @@inheritance(single) or @@inheritance(joined) to " + draft.name() + ", or remove @@identity"));
      return;
    }
    Optional<Strategy> strategy = root.attributes().strategy();
    List<ColumnEntry> discriminators = root.columns().stream().filter(c -> c.discriminator().isPresent()).toList();
    if (strategy.isEmpty() || discriminators.isEmpty()) {
      return; // reported on the root
    }
    ColumnEntry discriminator = discriminators.get(0);
    ColumnType type = discriminator.column().type();
    String identity = given.map(Value.StringValue::value).orElse(DbNames.snake(draft.name()));
    Span at = given.map(Value.StringValue::span).orElse(draft.model().span());
    String field = discriminator.field().name().text();
    if (type.kind() == ColumnType.Kind.STRING && identity.length() > type.length()) {
      report(
          Code.BAD_INHERITANCE,
          at,
          "identity '" + identity + "' of " + draft.name() + " is longer than the discriminator " + field + " (string(" + type.length() + "))",
          "choose a shorter one with @@identity(\"...\"), or widen " + field + " in " + root.name());
      return;
    }
    if (type.kind() == ColumnType.Kind.ENUM) {
      String enumName = type.enumName().orElseThrow();
      List<String> members = enumMembers.get(enumName);
      if (members != null && !members.contains(identity)) {
        report(
            Code.BAD_INHERITANCE,
            at,
            "identity '" + identity + "' of " + draft.name() + " is not a member of enum " + enumName + ", the type of the discriminator " + field,
            Optional.ofNullable(Suggestions.didYouMean(identity, members))
                .map(s -> s + " (write @@identity(\"" + Suggestions.nearest(identity, members).orElse(identity) + "\"))")
                .orElse("add " + identity + " to enum " + enumName + ", or choose a member with @@identity(\"member\")"));
        return;
      }
    }
    String earlier = identities.computeIfAbsent(root.name(), r -> new LinkedHashMap<>()).putIfAbsent(identity, draft.name());
    if (earlier != null) {
      report(
          Code.BAD_INHERITANCE,
          at,
          "models " + earlier + " and " + draft.name() + " both have the identity '" + identity + "' in the hierarchy of " + root.name(),
          "give one of them another with @@identity(\"...\")");
      return;
    }
    polymorphism.put(
        draft.name(),
        new Polymorphism(
            parent,
            strategy.get(),
            parent.isPresent() ? Optional.empty() : Optional.of(discriminator.column().field()),
            identity,
            type.enumName()));
  }

  private static String lower(Strategy strategy) {
    return strategy.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void report(Code code, Span at, String message, String hint) {
    diagnostics.report(Diagnostic.of(code, at, message, hint));
  }
}
