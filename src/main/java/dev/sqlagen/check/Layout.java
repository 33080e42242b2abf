package dev.sqlagen.check;

import dev.sqlagen.resolved.Polymorphism;
import java.util.Map;
import java.util.Optional;

/**
 * Where each model's rows live: a single-table subclass in its root's table, every other model
 * in its own. Loops, not recursion: a hierarchy may be deep.
 */
record Layout(Hierarchies hierarchies, InheritanceChecker inheritance, Map<String, ModelDraft> drafts) {
  boolean singleSubclass(String model) {
    return inheritance.polymorphism(model)
        .map(p -> p.parent().isPresent() && p.strategy() == Polymorphism.Strategy.SINGLE)
        .orElse(false);
  }

  /** The parent model, if it is declared. */
  Optional<String> parent(String model) {
    return hierarchies.parent(model).filter(drafts::containsKey);
  }

  /** The model whose table holds this model's rows. */
  ModelDraft tableOwner(String model) {
    String at = model;
    while (singleSubclass(at) && parent(at).isPresent()) {
      at = parent(at).get();
    }
    return drafts.get(at);
  }

  String table(String model) {
    return tableOwner(model).table();
  }
}
