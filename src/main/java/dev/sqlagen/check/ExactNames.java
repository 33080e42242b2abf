package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import java.util.Optional;

/**
 * The {@code name: "exact"} argument of the attributes that make a named database object
 * ({@code @unique @index @check @pk @fk}, {@code @@unique @@index @@unique_index @@check @@pk}):
 * the object's exact name in the database, instead of the naming convention's.
 */
final class ExactNames {
  private ExactNames() {}

  /** The attribute's {@code name:}, if given and well formed (a bad one is reported). */
  static Optional<Name> of(Attribute attribute, Diagnostics diagnostics) {
    if (attribute == null) {
      return Optional.empty();
    }
    Optional<Value> value = named(attribute);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof Value.StringValue s && isDatabaseName(s.value())) {
      return Optional.of(new Name(s.value(), s.span()));
    }
    diagnostics.report(Diagnostic.of(Code.BAD_EXACT_NAME, value.get().span(),
        "a database name is a non-empty string without control characters or '\"'",
        "write such as " + example(attribute)));
    return Optional.empty();
  }

  /**
   * The database's name as it is: any non-empty text without NUL or another control character
   * (PostgreSQL and SQLite accept any such name quoted, and SQLAlchemy quotes what needs it), and
   * without a double quote: SQLAlchemy reads such a unique constraint's name back from SQLite
   * wrongly, so {@code alembic check} would never be clean. Its length in bytes is SQD048's.
   */
  static boolean isDatabaseName(String name) {
    return !name.isEmpty() && name.indexOf('"') < 0 && name.codePoints().noneMatch(Character::isISOControl);
  }

  static String example(Attribute attribute) {
    return switch (attribute.name().text()) {
      case "pk" -> "@pk(name: \"album_pkey\")";
      case "fk" -> "@fk(artist_id, name: \"album_artist_id_fkey\")";
      case "check" -> "@check(\"qty > 0\", name: \"qty_positive\")";
      case "unique" -> "@unique(name: \"users_email_key\")";
      default -> "@" + attribute.name().text() + "(name: \"idx_title\")";
    };
  }

  /** The {@code name:} value as written. */
  static Optional<Value> named(Attribute attribute) {
    return attribute.named("name");
  }
}
