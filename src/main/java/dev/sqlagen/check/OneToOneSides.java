package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.ReferenceEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Name;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the scalar sides of one-to-one relationships: a model-typed field without {@code @unique}
 * whose {@code @inverse} names a reference back to its model. That field holds no foreign key;
 * the reference it names does, and must be {@code @unique}.
 */
final class OneToOneSides {
  private final Map<String, ModelDraft> drafts;
  private final Diagnostics diagnostics;

  OneToOneSides(Map<String, ModelDraft> drafts, Diagnostics diagnostics) {
    this.drafts = drafts;
    this.diagnostics = diagnostics;
  }

  /** Each scalar side, mapped to the reference (the foreign-key side) it mirrors. */
  Map<ReferenceEntry, ReferenceEntry> find() {
    Map<ReferenceEntry, ReferenceEntry> owners = new IdentityHashMap<>();
    for (ModelDraft owner : drafts.values()) {
      for (ReferenceEntry side : owner.references()) {
        if (side.unique() || side.inverse().isEmpty()) {
          continue;
        }
        ModelDraft target = drafts.get(side.target());
        Name inverse = side.inverse().get();
        Optional<ReferenceEntry> back = target == null ? Optional.empty() : target.references().stream()
            .filter(r -> r.name().equals(inverse.text()) && r.target().equals(owner.name()))
            .findFirst();
        if (back.isEmpty()) {
          continue; // @inverse names a collection (or nothing): RelationPairing checks it
        }
        ReferenceEntry reference = back.get();
        if (reference == side) {
          report(inverse, "'" + owner.name() + "." + side.name() + "' names itself as its inverse", "a self-referencing one-to-one needs two fields: the reference and its inverse");
          continue;
        }
        if (!reference.unique()) {
          if (reference.inverse().map(n -> n.text().equals(side.name())).orElse(false)) {
            // Both sides name each other and neither is unique: only one may hold the key.
            if (owners.containsKey(reference)) {
              continue;
            }
          }
          report(
              inverse,
              "'" + target.name() + "." + reference.name() + "' is not unique, so '" + owner.name() + "." + side.name() + "' cannot be its one-to-one inverse",
              "mark the side that holds the foreign key @unique: " + reference.name() + " " + owner.name() + " @unique; or make this side a collection: " + side.name() + " " + target.name() + "[]");
          owners.put(side, reference); // paired all the same, so no further errors follow
          continue;
        }
        checkScalarSide(owner, side);
        owners.put(side, reference);
      }
    }
    return owners;
  }

  private void checkScalarSide(ModelDraft owner, ReferenceEntry side) {
    // As written: '@pk' (reported below) makes a reference required.
    if (!side.field().type().optional()) {
      report(
          side.field().type().name(),
          "the one-to-one side '" + owner.name() + "." + side.name() + "' holds no foreign key, so it cannot be required",
          "write '?': " + side.name() + " " + side.target() + "?");
    }
    for (String attribute : new String[] {"fk", "pk", "ondelete", "onupdate"}) {
      if (side.attribute(attribute).isPresent()) {
        report(
            side.attributeSpan(attribute),
            "'@" + attribute + "' on '" + owner.name() + "." + side.name() + "', which holds no foreign key",
            "put it on the reference that '@inverse' names, which holds the foreign key");
      }
    }
  }

  private void report(Name at, String message, String hint) {
    report(at.span(), message, hint);
  }

  private void report(dev.sqlagen.source.Span at, String message, String hint) {
    diagnostics.report(Diagnostic.of(Code.BAD_ONE_TO_ONE, at, message, hint));
  }
}
