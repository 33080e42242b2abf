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
  /** Letters, digits, '_' and '$', not starting with a digit or '$': a name no database needs quoted beyond its case. */
  private static final String PATTERN = "[A-Za-z_][A-Za-z0-9_$]*";

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
    if (value.get() instanceof Value.StringValue s && s.value().matches(PATTERN)) {
      return Optional.of(new Name(s.value(), s.span()));
    }
    diagnostics.report(Diagnostic.of(Code.BAD_EXACT_NAME, value.get().span(),
        "a database name is a string of letters, digits, '_' and '$', not starting with a digit",
        "write such as " + example(attribute)));
    return Optional.empty();
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
