package dev.sqlagen.migrate;

import dev.sqlagen.state.SchemaState;
import java.util.List;
import java.util.Objects;

/**
 * One Alembic revision as data: its message, the steps of each direction, and the states it goes
 * between (which say what each enum type holds where a step uses it). Its identity is decided
 * when it is written.
 */
public record Migration(String message, List<Step> upgrade, List<Step> downgrade, SchemaState before, SchemaState after) {
  public Migration {
    Objects.requireNonNull(message, "message");
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** True when the revision would change nothing. */
  public boolean isEmpty() {
    return upgrade.isEmpty() && downgrade.isEmpty();
  }
}
