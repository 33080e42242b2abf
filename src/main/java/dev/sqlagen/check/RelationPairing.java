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

/**
 * Pairs each one-to-many collection with the many-to-one reference it mirrors. A pair is found
 * automatically when exactly one reference fits; otherwise one side must name the other with
 * {@code @inverse}. Work is linear in the number of relationship fields.
 */
final class RelationPairing {
  private final Map<String, ModelDraft> drafts;
  private final Diagnostics diagnostics;
  private final Map<ReferenceEntry, CollectionEntry> inverseOf = new IdentityHashMap<>();
  private final Map<ModelDraft, DraftRelations> relations = new IdentityHashMap<>();

  RelationPairing(Map<String, ModelDraft> drafts, Diagnostics diagnostics) {
    this.drafts = drafts;
    this.diagnostics = diagnostics;
  }

  /** The collection paired with each reference that has one. */
  Map<ReferenceEntry, CollectionEntry> pair() {
    for (ModelDraft owner : drafts.values()) {
      for (CollectionEntry collection : owner.collections()) {
        ModelDraft target = drafts.get(collection.target());
        if (target != null) {
          pairCollection(owner, collection, target);
        }
      }
    }
    for (ModelDraft owner : drafts.values()) {
      for (ReferenceEntry reference : owner.references()) {
        reference.inverse().ifPresent(name -> checkReferenceInverse(owner, reference, name));
      }
    }
    return inverseOf;
  }

  private void pairCollection(ModelDraft owner, CollectionEntry collection, ModelDraft target) {
    List<ReferenceEntry> candidates = relations(target).referencesTo(owner.name());
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
      diagnostics.report(
          Diagnostic.of(
              Code.UNMATCHED_COLLECTION,
              at.span(),
              "collection '" + owner.name() + "." + field + "' has no matching reference in " + target.name(),
              missingReferenceHint(owner, target)));
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

  private boolean hasCollection(ModelDraft owner, ModelDraft target, String name) {
    return relations(owner).collectionsOf(target.name()).stream().anyMatch(c -> c.field().name().text().equals(name));
  }

  /** A model's relationships by target, grouped once per model rather than filtered per use. */
  private DraftRelations relations(ModelDraft draft) {
    return relations.computeIfAbsent(draft, DraftRelations::new);
  }

  private void record(ModelDraft owner, CollectionEntry collection, ModelDraft target, ReferenceEntry reference) {
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
