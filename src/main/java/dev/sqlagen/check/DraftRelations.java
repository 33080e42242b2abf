package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.CollectionEntry;
import dev.sqlagen.check.ModelDraft.Entry;
import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's references and collections grouped by the model they point at, in declaration
 * order. Pairing asks for these once per relationship; filtering the model's entries each time
 * made a model with many relationships (a hub such as User) quadratic.
 */
final class DraftRelations {
  private final Map<String, List<ReferenceEntry>> referencesTo = new HashMap<>();
  private final Map<String, List<CollectionEntry>> collectionsOf = new HashMap<>();

  DraftRelations(ModelDraft draft) {
    for (Entry entry : draft.entries()) {
      if (entry instanceof ReferenceEntry reference) {
        referencesTo.computeIfAbsent(reference.target(), t -> new ArrayList<>()).add(reference);
      } else if (entry instanceof CollectionEntry collection) {
        collectionsOf.computeIfAbsent(collection.target(), t -> new ArrayList<>()).add(collection);
      }
    }
  }

  /** The model's references to the model named {@code target}. */
  List<ReferenceEntry> referencesTo(String target) {
    return referencesTo.getOrDefault(target, List.of());
  }

  /** The model's collections of the model named {@code target}. */
  List<CollectionEntry> collectionsOf(String target) {
    return collectionsOf.getOrDefault(target, List.of());
  }
}
