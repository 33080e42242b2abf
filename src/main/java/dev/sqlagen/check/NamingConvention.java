package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Schema;
import dev.sqlagen.model.Value;
import dev.sqlagen.naming.ConstraintNames;
import java.util.List;
import java.util.Optional;

/**
 * The top-level {@code @@naming(pk: "...", fk: "...", uq: "...", ck: "...", ix: "...")}: each
 * entry given replaces the default convention's, in the generated metadata and in every name
 * sqlagen computes.
 */
final class NamingConvention {
  private NamingConvention() {}

  static ConstraintNames read(Schema schema, Diagnostics diagnostics) {
    ConstraintNames naming = ConstraintNames.DEFAULT;
    boolean seen = false;
    for (Attribute attribute : attributes(schema)) {
      if (!attribute.name().text().equals("naming")) {
        continue;
      }
      if (seen) {
        continue; // reported by SchemaAttributes
      }
      seen = true;
      if (!attribute.args().isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.BAD_NAMING, attribute.args().get(0).span(),
            "'@@naming' takes named templates only", "write such as @@naming(fk: \"%(table_name)s_%(column_0_name)s_fkey\")"));
      }
      boolean any = false;
      for (String kind : ConstraintNames.KINDS) {
        Optional<Value> value = named(attribute, kind);
        if (value.isEmpty()) {
          continue;
        }
        any = true;
        if (!(value.get() instanceof Value.StringValue template)) {
          diagnostics.report(Diagnostic.of(Code.BAD_NAMING, value.get().span(), "a naming convention's template is a string",
              "write such as " + kind + ": \"" + ConstraintNames.DEFAULT.template(kind) + "\""));
          continue;
        }
        Optional<String> problem = ConstraintNames.problem(kind, template.value());
        if (problem.isPresent()) {
          diagnostics.report(Diagnostic.of(Code.BAD_NAMING, template.span(), "bad '" + kind + "' template: " + problem.get(),
              "the default is " + kind + ": \"" + ConstraintNames.DEFAULT.template(kind) + "\""));
          continue;
        }
        naming = naming.with(kind, template.value());
      }
      if (!any && attribute.args().isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.BAD_NAMING, attribute.span(), "'@@naming' sets no template",
            "give the entries to replace: pk, fk, uq, ck or ix, such as @@naming(pk: \"%(table_name)s_pkey\")"));
      }
    }
    return naming;
  }

  /** The schema's top-level attributes. */
  private static List<Attribute> attributes(Schema schema) {
    return schema.attributes();
  }

  private static Optional<Value> named(Attribute attribute, String key) {
    return attribute.named(key);
  }
}
