package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Schema;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema's own {@code @@} attributes, written between declarations: which exist, and that
 * each is given once. Their arguments are checked by the stage that uses them.
 */
final class SchemaAttributes {
  /** Every schema attribute there is. */
  static final Set<String> KNOWN = Set.of("naming", "doc_comments", "type");

  private SchemaAttributes() {}

  static void check(Schema schema, Diagnostics diagnostics) {
    Set<String> seen = new HashSet<>();
    for (Attribute attribute : schema.attributes()) {
      String name = attribute.name().text();
      if (!KNOWN.contains(name)) {
        diagnostics.report(Diagnostic.of(Code.UNKNOWN_ATTRIBUTE, attribute.span(),
            "unknown schema attribute '@@" + name + "'", hint(name)));
      } else if (!name.equals("type") && !seen.add(name)) {
        diagnostics.report(Diagnostic.of(Code.DUPLICATE_ATTRIBUTE, attribute.span(),
            "'@@" + name + "' is given twice", "remove one"));
      }
    }
  }

  /**
   * {@code @@doc_comments(false)}: doc comments stay docstrings, no column or table gets one as
   * its database comment (a {@code @comment("text")} still does). True without it.
   */
  static boolean docComments(Schema schema, Diagnostics diagnostics) {
    for (Attribute attribute : schema.attributes()) {
      if (!attribute.name().text().equals("doc_comments")) {
        continue;
      }
      Optional<Boolean> flag = FieldAttributes.flag(attribute);
      if (flag.isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT,
            attribute.args().isEmpty() ? attribute.span() : attribute.args().get(0).span(),
            "'@@doc_comments' takes true or false",
            "write @@doc_comments(false): doc comments become docstrings only, not database comments"));
        return true;
      }
      return flag.get();
    }
    return true;
  }

  private static String hint(String name) {
    String where = "an '@@' attribute outside any declaration belongs to the whole schema; a model's attributes go inside its braces";
    if (KNOWN.isEmpty()) {
      return where;
    }
    return Suggestions.nearest(name, KNOWN).map(near -> "did you mean '@@" + near + "'?")
        .orElse(where + "; the schema's are: " + String.join(", ", new TreeSet<>(KNOWN)));
  }
}
