package dev.sqlagen.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One Alembic revision as data: its identity and the operations of each direction. */
public record Migration(
    String revision,
    Optional<String> downRevision,
    String message,
    List<Operation> upgrade,
    List<Operation> downgrade) {
  public Migration {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(downRevision, "downRevision");
    Objects.requireNonNull(message, "message");
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
  }
}
