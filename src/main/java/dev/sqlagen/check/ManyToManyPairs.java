package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.CollectionEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs collections that mirror each other with no reference between them: a many-to-many.
 * Explicit pairs ({@code @inverse} naming a collection) come first; then each collection left
 * without a reference pairs with the one collection of its model in the target, if exactly one
 * is free.
 */
final class ManyToManyPairs {
  /** A collection waiting for a partner, with the models on both sides. */
  private record Waiting(ModelDraft owner, CollectionEntry collection, ModelDraft target) {}

  /** Reports a collection that found neither a reference nor a collection. */
  interface Unmatched {
    void report(ModelDraft owner, CollectionEntry collection, ModelDraft target);
  }

  private final Diagnostics diagnostics;
  private final Map<CollectionEntry, CollectionEntry> partners = new IdentityHashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();

  ManyToManyPairs(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  boolean isPaired(CollectionEntry collection) {
    return partners.containsKey(collection);
  }

  Map<CollectionEntry, CollectionEntry> pairs() {
    return partners;
  }

  void await(ModelDraft owner, CollectionEntry collection, ModelDraft target) {
    waiting.add(new Waiting(owner, collection, target));
  }

  void pairExplicitly(ModelDraft owner, CollectionEntry collection, ModelDraft target, CollectionEntry partner) {
    CollectionEntry earlier = partners.get(partner);
    if (earlier != null && earlier != collection) {
      diagnostics.report(
          Diagnostic.of(
              Code.AMBIGUOUS_INVERSE,
              collection.inverse().orElseThrow().span(),
              "'" + target.name() + "." + partner.name() + "' is already paired with '" + owner.name() + "." + earlier.name() + "'",
              "each many-to-many collection has exactly one partner"));
      return;
    }
    if (partner.inverse().isPresent() && !partner.inverse().get().text().equals(collection.name())) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_INVERSE,
              collection.inverse().orElseThrow().span(),
              "'" + owner.name() + "." + collection.name() + "' names '" + target.name() + "." + partner.name()
                  + "', but that collection names '" + partner.inverse().get().text() + "'",
              "make the two @inverse attributes agree, or remove one of them"));
      return;
    }
    record(owner, collection, target, partner);
  }

  /**
   * Pairs every waiting collection, in declaration order, or reports it unmatched.
   *
   * @param oneToMany collections already paired with a reference, which are not free
   */
  void pairWaiting(java.util.Set<CollectionEntry> oneToMany, Unmatched unmatched) {
    for (Waiting w : waiting) {
      if (partners.containsKey(w.collection())) {
        continue;
      }
      List<CollectionEntry> free = w.target().collections().stream()
          .filter(c -> c.target().equals(w.owner().name()) && c != w.collection() && !partners.containsKey(c) && !oneToMany.contains(c))
          .filter(c -> c.inverse().map(n -> n.text().equals(w.collection().name())).orElse(true))
          .toList();
      if (free.size() == 1) {
        record(w.owner(), w.collection(), w.target(), free.get(0));
      } else if (free.isEmpty()) {
        unmatched.report(w.owner(), w.collection(), w.target());
      } else {
        List<String> names = free.stream().map(CollectionEntry::name).toList();
        diagnostics.report(
            Diagnostic.of(
                Code.AMBIGUOUS_INVERSE,
                w.collection().field().name().span(),
                "collection '" + w.owner().name() + "." + w.collection().name() + "' could pair with any of "
                    + w.target().name() + "'s collections " + String.join(", ", names),
                "name its partner: " + w.collection().name() + " " + w.target().name() + "[] @inverse(" + names.get(0) + ")"));
      }
    }
  }

  private void record(ModelDraft owner, CollectionEntry collection, ModelDraft target, CollectionEntry partner) {
    if (owner == target) {
      diagnostics.report(
          Diagnostic.of(
              Code.UNSUPPORTED_REFERENCE,
              collection.field().name().span(),
              "a many-to-many between '" + owner.name() + "' and itself is not supported yet",
              "model the link explicitly: a model with two references to " + owner.name() + ", each @pk"));
      partners.put(collection, partner);
      partners.put(partner, collection);
      return;
    }
    for (CollectionEntry side : List.of(collection, partner)) {
      side.attribute("ondelete").ifPresent(a -> diagnostics.report(
              Diagnostic.of(
                  Code.BAD_MANY_TO_MANY,
                  a.span(),
                  "'@ondelete' on a many-to-many collection: SQLAlchemy forbids delete-orphan there",
                  "link rows are deleted with either side already; to delete the related objects too, use a link model with references @ondelete(cascade)")));
    }
    if (collection.through().isPresent() && partner.through().isPresent()
        && !collection.through().get().text().equals(partner.through().get().text())) {
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_MANY_TO_MANY,
              partner.through().get().span(),
              "the two sides of a many-to-many name different link tables",
              "write @through on one side only"));
    }
    partners.put(collection, partner);
    partners.put(partner, collection);
  }
}
