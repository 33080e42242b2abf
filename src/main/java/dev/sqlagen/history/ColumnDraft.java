package dev.sqlagen.history;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.state.ColumnState;
import java.util.Objects;
import java.util.Optional;

/**
 * A column as {@code sa.Column(...)} writes it; whether it autoincrements depends on the table's
 * keys, so that is decided with the table. {@code sqliteVariant}: its type carries
 * {@code .with_variant(sa.Integer(), "sqlite")}, which sqlagen writes on a BIGINT or SMALLINT
 * autoincrement key only.
 */
record ColumnDraft(
    String name,
    ColumnType type,
    boolean sqliteVariant,
    boolean nullable,
    Optional<ColumnDefault> serverDefault,
    Optional<IdentityKind> identity,
    Optional<String> computed,
    Optional<String> comment,
    Optional<Boolean> autoincrement,
    PyNode call,
    PyNode typeNode) {
  ColumnDraft {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serverDefault, "serverDefault");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(computed, "computed");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(autoincrement, "autoincrement");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(typeNode, "typeNode");
  }

  ColumnState state(boolean autoincrement) {
    return new ColumnState(name, type, nullable, autoincrement, serverDefault, identity, computed, comment,
        Optional.empty(), Optional.empty());
  }
}
