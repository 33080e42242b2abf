package dev.sqlagen.state;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.ColumnType;
import java.util.Objects;
import java.util.Optional;

/**
 * A column as the database has it. An enum column's type names the database type (such as
 * {@code post_status}), not the schema's enum. {@code autoincrement}: the table's single integer
 * key that the database numbers itself (SERIAL on PostgreSQL, the rowid on SQLite).
 * {@code field} is the schema's field it comes from; {@code reference}, for a foreign-key
 * column, the reference field that declared it. Rename hints match those two; both are empty
 * when the state was read from a revision that does not say.
 */
public record ColumnState(
    String name,
    ColumnType type,
    boolean nullable,
    boolean autoincrement,
    Optional<ColumnDefault> serverDefault,
    Optional<IdentityKind> identity,
    Optional<String> computed,
    Optional<String> comment,
    Optional<String> field,
    Optional<String> reference) {
  public ColumnState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serverDefault, "serverDefault");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(computed, "computed");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reference, "reference");
    if (serverDefault.isPresent() && (computed.isPresent() || identity.isPresent())) {
      throw new IllegalArgumentException("column " + name + " takes its value from one source only");
    }
  }

  /** The database enum type of the column, if it has one. */
  public Optional<String> enumType() {
    return type.enumName();
  }

  /** The same column with another name. */
  public ColumnState withName(String newName) {
    return new ColumnState(newName, type, nullable, autoincrement, serverDefault, identity, computed, comment, field, reference);
  }

  /** The same column without the schema's names, as it is compared. */
  public ColumnState physical() {
    return new ColumnState(name, type, nullable, autoincrement, serverDefault, identity, computed, comment, Optional.empty(), Optional.empty());
  }
}
