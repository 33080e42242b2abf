package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.Reference;
import dev.sqlagen.resolved.TableOrder;
import java.util.List;
import java.util.Map;

/**
 * Tables that reference each other in a circle are created first and linked afterwards; the
 * link that is deferred is set after its row exists ({@code post_update}), so it must be able to
 * be null. When every reference of a circle is required, no first row can ever be inserted.
 */
final class CycleCheck {
  private final Diagnostics diagnostics;

  CycleCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Every entity, single-table subclasses included: their references are columns of the root's table. */
  void check(List<Entity> entities, TableOrder order, Map<String, ModelDraft> drafts) {
    for (Entity entity : entities) {
      for (Reference reference : entity.references()) {
        Column first = entity.column(reference.foreignKeyFields().get(0)).orElseThrow();
        if (order.isDeferred(entity, first) && !reference.nullable()) {
          ModelDraft draft = drafts.get(entity.name());
          diagnostics.report(
              Diagnostic.of(
                  Code.UNINSERTABLE_CYCLE,
                  draft.references().stream().filter(r -> r.name().equals(reference.field())).findFirst().orElseThrow()
                      .field().type().name().span(),
                  "'" + entity.name() + "." + reference.field() + "' closes a circle of required references between tables,"
                      + " so no row of them could ever be inserted first",
                  "make one reference in the circle optional, such as: " + reference.field() + " " + reference.target() + "?"));
        }
      }
    }
  }
}
