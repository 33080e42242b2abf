package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.CollectionEntry;
import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Name;
import dev.sqlagen.naming.DbNames;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs each one-to-many collection with the many-to-one reference it mirrors, and each
 * many-to-many collection with the collection on the other side. A pair is found automatically
 * when exactly one field fits; otherwise one side must name the other with {@code @inverse}.
 * Work is linear in the number of relationship fields.
 */
final class RelationPairing {
  /** The pairs found: reference to collection, and many-to-many collection to its partner. */
  record Pairs(Map<ReferenceEntry, CollectionEntry> inverseOf, Map<CollectionEntry, CollectionEntry> manyToMany) {}

  private final Map<String, ModelDraft> drafts;
  private final Diagnostics diagnostics;
  private final Map<ReferenceEntry, ReferenceEntry> scalarSides;
  private final Map<ReferenceEntry, ReferenceEntry> scalarSideOf = new IdentityHashMap<>();
  private final Map<ReferenceEntry, CollectionEntry> inverseOf = new IdentityHashMap<>();
  private final ManyToManyPairs manyToMany;
  private final Map<ModelDraft, DraftRelations> relations = new IdentityHashMap<>();

  RelationPairing(Map<String, ModelDraft> drafts, Map<ReferenceEntry, ReferenceEntry> scalarSides, Diagnostics diagnostics) {
    this.drafts = drafts;
    this.scalarSides = scalarSides;
    scalarSides.forEach((side, reference) -> scalarSideOf.put(reference, side));
    this.diagnostics = diagnostics;
    this.manyToMany = new ManyToManyPairs(diagnostics);
  }

  Pairs pair() {
    for (ModelDraft owner : drafts.values()) {
      for (CollectionEntry collection : owner.collections()) {
        ModelDraft target = drafts.get(collection.target());
        if (target != null && !manyToMany.isPaired(collection)) {
          pairCollection(owner, collection, target);
        }
      }
    }
    Set<CollectionEntry> oneToMany = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    oneToMany.addAll(inverseOf.values());
    manyToMany.pairWaiting(oneToMany, this::reportUnmatched);
    for (ModelDraft owner : drafts.values()) {
      for (ReferenceEntry reference : owner.references()) {
        if (!scalarSides.containsKey(reference)) {
          reference.inverse().ifPresent(name -> checkReferenceInverse(owner, reference, name));
        }
      }
    }
    return new Pairs(inverseOf, manyToMany.pairs());
  }

  private void pairCollection(ModelDraft owner, CollectionEntry collection, ModelDraft target) {
    List<ReferenceEntry> candidates = relations(target).referencesTo(owner.name()).stream()
        // The scalar side of a one-to-one holds no key, and a reference it mirrors is taken.
        .filter(r -> !scalarSides.containsKey(r) && !scalarSideOf.containsKey(r))
        .toList();
    Optional<CollectionEntry> namedBy = collection.inverse().isPresent() ? Optional.empty() : relations(target).collectionsOf(owner.name())
        .stream()
        .filter(c -> c != collection && c.inverse().map(n -> n.text().equals(collection.name())).orElse(false))
        .findFirst();
    if (namedBy.isPresent()) {
      // The other side names this collection: a many-to-many, whatever references there are.
      manyToMany.pairExplicitly(target, namedBy.get(), owner, collection);
      return;
    }
    Optional<ReferenceEntry> chosen;
    if (collection.inverse().isPresent()) {
      chosen = named(owner, collection, target, candidates, collection.inverse().get());
    } else {
      chosen = automatic(owner, collection, target, candidates);
    }
    chosen.ifPresent(reference -> record(owner, collection, target, reference));
  }

  private Optional<ReferenceEntry> named(
      ModelDraft owner, CollectionEntry collection, ModelDraft target, List<ReferenceEntry> candidates, Name inverse) {
    for (ReferenceEntry candidate : candidates) {
      if (candidate.field().name().text().equals(inverse.text())) {
        return Optional.of(candidate);
      }
    }
    Optional<CollectionEntry> partner = target.collections().stream()
        .filter(c -> c.target().equals(owner.name()) && c.name().equals(inverse.text()) && c != collection)
        .findFirst();
    if (partner.isPresent()) {
      manyToMany.pairExplicitly(owner, collection, target, partner.get());
      return Optional.empty();
    }
    List<String> names = candidates.stream().map(r -> r.field().name().text()).toList();
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_INVERSE,
            inverse.span(),
            target.name() + " has no reference '" + inverse.text() + "' to " + owner.name(),
            Optional.ofNullable(Suggestions.didYouMean(inverse.text(), names))
                .orElse(names.isEmpty() ? missingReferenceHint(owner, target) : "its references to " + owner.name() + " are: " + String.join(", ", names))));
    return Optional.empty();
  }

  private Optional<ReferenceEntry> automatic(
      ModelDraft owner, CollectionEntry collection, ModelDraft target, List<ReferenceEntry> candidates) {
    String field = collection.field().name().text();
    List<ReferenceEntry> naming =
        candidates.stream().filter(r -> r.inverse().map(n -> n.text().equals(field)).orElse(false)).toList();
    if (naming.size() == 1) {
      return Optional.of(naming.get(0));
    }
    // A reference some other collection names with @inverse is taken.
    List<String> claimed = relations(owner).collectionsOf(target.name()).stream()
        .filter(c -> c != collection)
        .flatMap(c -> c.inverse().stream().map(Name::text))
        .toList();
    // A reference whose @inverse names no collection here has been reported already. It still
    // takes part in pairing, so that its one error is not followed by another one here: first
    // if its wrong name is a near miss of this collection's, then if no other reference fits.
    List<ReferenceEntry> misnamed = candidates.stream()
        .filter(r -> r.inverse().map(n -> !hasCollection(owner, target, n.text())).orElse(false))
        .toList();
    if (naming.isEmpty()) {
      List<ReferenceEntry> nearMiss = misnamed.stream()
          .filter(r -> Suggestions.nearest(r.inverse().get().text(), List.of(field)).isPresent())
          .toList();
      if (nearMiss.size() == 1) {
        return Optional.of(nearMiss.get(0));
      }
    }
    List<ReferenceEntry> strict = candidates.stream()
        .filter(r -> r.inverse().isEmpty() && !claimed.contains(r.field().name().text()))
        .toList();
    List<ReferenceEntry> free = strict.isEmpty()
        ? misnamed.stream().filter(r -> !claimed.contains(r.field().name().text())).toList()
        : strict;
    if (naming.isEmpty() && free.size() == 1) {
      return Optional.of(free.get(0));
    }
    Name at = collection.field().name();
    if (naming.isEmpty() && free.isEmpty() && target.incomplete()) {
      return Optional.empty(); // the reference may be the field whose type was reported unknown
    }
    if (naming.isEmpty() && free.isEmpty()) {
      // No reference back: a collection back makes a many-to-many, once all explicit pairs are known.
      manyToMany.await(owner, collection, target);
    } else {
      List<String> names = (naming.isEmpty() ? free : naming).stream().map(r -> r.field().name().text()).toList();
      diagnostics.report(
          Diagnostic.of(
              Code.AMBIGUOUS_INVERSE,
              at.span(),
              "collection '" + owner.name() + "." + field + "' could mirror any of " + target.name() + "'s references " + String.join(", ", names),
              "name the one it mirrors: " + field + " " + target.name() + "[] @inverse(" + names.get(0) + ")"));
    }
    return Optional.empty();
  }

  private void reportUnmatched(ModelDraft owner, CollectionEntry collection, ModelDraft target) {
    diagnostics.report(
        Diagnostic.of(
            Code.UNMATCHED_COLLECTION,
            collection.field().name().span(),
            "collection '" + owner.name() + "." + collection.name() + "' has no matching reference in " + target.name(),
            missingReferenceHint(owner, target)
                + (owner == target ? "" : "; or, for a many-to-many, a collection: " + DbNames.table(owner.name()) + " " + owner.name() + "[]")));
  }

  private boolean hasCollection(ModelDraft owner, ModelDraft target, String name) {
    return relations(owner).collectionsOf(target.name()).stream().anyMatch(c -> c.field().name().text().equals(name));
  }

  /** A model's relationships by target, grouped once per model rather than filtered per use. */
  private DraftRelations relations(ModelDraft draft) {
    return relations.computeIfAbsent(draft, DraftRelations::new);
  }

  private void record(ModelDraft owner, CollectionEntry collection, ModelDraft target, ReferenceEntry reference) {
    collection.through().ifPresent(through -> diagnostics.report(
        Diagnostic.of(
            Code.BAD_MANY_TO_MANY,
            collection.attributeSpan("through"),
            "'@through' names the link table of a many-to-many, but '" + owner.name() + "." + collection.name()
                + "' mirrors the reference '" + target.name() + "." + reference.name() + "'",
            "remove '@through', or pair this collection with a collection of " + target.name() + " by naming it in @inverse")));
    if (reference.unique()) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_ONE_TO_ONE,
              collection.field().name().span(),
              "'" + target.name() + "." + reference.name() + "' is unique, so its other side holds at most one "
                  + target.name() + ", not a collection",
              "make this side a nullable scalar: " + collection.name() + " " + target.name() + "? @inverse(" + reference.name()
                  + "); or remove '@unique' from the reference"));
    }
    collection.attribute("ondelete").ifPresent(a -> diagnostics.report(
            Diagnostic.of(
                Code.BAD_REFERENTIAL_ACTION,
                a.span(),
                "'@ondelete' goes on the reference that holds the foreign key, not on the collection",
                "write it on '" + target.name() + "." + reference.name() + "', such as: @ondelete(cascade); the collection follows it")));
    CollectionEntry earlier = inverseOf.putIfAbsent(reference, collection);
    if (earlier != null) {
      String field = reference.field().name().text();
      diagnostics.report(
          Diagnostic.of(
              Code.AMBIGUOUS_INVERSE,
              collection.field().name().span(),
              "'" + target.name() + "." + field + "' is already mirrored by '" + owner.name() + "." + earlier.field().name().text() + "'",
              "each collection needs a reference of its own in " + target.name() + "; name it with @inverse"));
    }
  }

  /** A reference's own {@code @inverse} must name a collection of its model in the target. */
  private void checkReferenceInverse(ModelDraft owner, ReferenceEntry reference, Name inverse) {
    ModelDraft target = drafts.get(reference.target());
    if (target == null) {
      return;
    }
    CollectionEntry paired = inverseOf.get(reference);
    if (paired != null && paired.field().name().text().equals(inverse.text())) {
      return;
    }
    if (reference.target().equals(owner.name()) && inverse.text().equals(reference.name())) {
      return; // a reference naming itself: OneToOneSides reported it
    }
    ReferenceEntry scalarSide = scalarSideOf.get(reference);
    if (scalarSide != null && scalarSide.name().equals(inverse.text())) {
      return;
    }
    List<CollectionEntry> collections = relations(target).collectionsOf(owner.name());
    boolean exists = collections.stream().anyMatch(c -> c.field().name().text().equals(inverse.text()));
    if (exists) {
      if (paired != null) {
        // Both sides name an inverse, and they contradict each other.
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_INVERSE,
                inverse.span(),
                "'" + owner.name() + "." + reference.field().name().text() + "' names '" + target.name() + "." + inverse.text()
                    + "' as its inverse, but '" + target.name() + "." + paired.field().name().text() + "' names '"
                    + owner.name() + "." + reference.field().name().text() + "'",
                "make the two @inverse attributes agree, or remove one of them"));
        return;
      }
      // That collection named another reference explicitly; its own diagnostic covers it.
      if (paired == null) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_INVERSE,
                inverse.span(),
                "'" + target.name() + "." + inverse.text() + "' mirrors another reference",
                "remove one of the two @inverse attributes, or make them agree"));
      }
      return;
    }
    List<String> names = collections.stream().map(c -> c.field().name().text()).toList();
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_INVERSE,
            inverse.span(),
            target.name() + " has no collection '" + inverse.text() + "' of " + owner.name(),
            Optional.ofNullable(Suggestions.didYouMean(inverse.text(), names))
                .orElse(names.isEmpty()
                    ? "add it to " + target.name() + ": " + inverse.text() + " " + owner.name() + "[]"
                    : "@inverse names a collection; " + target.name() + "'s collections of " + owner.name() + " are: " + String.join(", ", names))));
  }

  private static String missingReferenceHint(ModelDraft owner, ModelDraft target) {
    String field = DbNames.snake(owner.name());
    return "add the reference it mirrors to model " + target.name() + ": " + field + " " + owner.name();
  }
}
