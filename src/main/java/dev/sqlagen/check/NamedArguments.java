package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.EnumMember;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.NamedArg;
import dev.sqlagen.model.Schema;
import dev.sqlagen.model.Value;
import dev.sqlagen.source.Span;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one registry of the named arguments ({@code key: value}) each attribute and call takes, and
 * the check of every argument list against it: an unknown or repeated name, or a positional
 * argument after a named one, is SQD076. What a named value must be is its attribute's checker's
 * business; here only the names are known.
 */
final class NamedArguments {
  /** Field attributes ({@code @index(name: ...)}) and the names each takes. */
  static final Map<String, Set<String>> FIELD = Map.ofEntries(
      Map.entry("pk", Set.of("name")),
      Map.entry("unique", withName(IndexArguments.UNIQUE_KEYS)),
      Map.entry("index", withName(IndexArguments.INDEX_KEYS)),
      Map.entry("check", Set.of("name")),
      Map.entry("fk", Set.of("name", "constraint")),
      Map.entry("through", Set.of("fk", "target_fk", "ondelete", "onupdate")),
      Map.entry("computed", Set.of("stored")));

  /** Model attributes ({@code @@index(..., name: ...)}) and the names each takes. */
  static final Map<String, Set<String>> MODEL = Map.ofEntries(
      Map.entry("pk", Set.of("name")),
      Map.entry("check", Set.of("name")),
      Map.entry("unique", withName(IndexArguments.UNIQUE_KEYS)),
      Map.entry("index", Set.of("using", "where", "nulls_not_distinct", "name")),
      Map.entry("unique_index", Set.of("using", "where", "nulls_not_distinct", "name")));

  /** The schema's own attributes, written between declarations, and the names each takes. */
  static final Map<String, Set<String>> SCHEMA = Map.ofEntries(
      Map.entry("naming", Set.of("pk", "fk", "uq", "ck", "ix")),
      Map.entry("type", Set.of("sql", "sqlalchemy", "python", "sqlite")));

  /** Calls in defaults and arguments ({@code sql(postgresql: ...)}) and the names each takes. */
  static final Map<String, Set<String>> CALL = Map.of("sql", Set.of("postgresql", "sqlite"));

  private static Set<String> withName(Set<String> keys) {
    Set<String> all = new java.util.HashSet<>(keys);
    all.add("name");
    return Set.copyOf(all);
  }

  private static final Comparator<Span> SOURCE_ORDER =
      Comparator.comparingInt(Span::line).thenComparingInt(Span::column);

  private final Diagnostics diagnostics;

  NamedArguments(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(Schema schema) {
    schema.attributes().forEach(attribute -> attribute(attribute, "@@", SCHEMA));
    for (Model model : schema.models()) {
      model.fields().forEach(this::field);
      model.attributes().forEach(attribute -> attribute(attribute, "@@", MODEL));
    }
    for (Mixin mixin : schema.mixins()) {
      mixin.fields().forEach(this::field);
      mixin.attributes().forEach(attribute -> attribute(attribute, "@@", MODEL));
    }
    for (EnumDecl decl : schema.enums()) {
      decl.attributes().forEach(attribute -> attribute(attribute, "@@", MODEL));
      for (EnumMember member : decl.members()) {
        member.attributes().forEach(attribute -> attribute(attribute, "@", FIELD));
      }
    }
  }

  private void field(Field field) {
    field.attributes().forEach(attribute -> attribute(attribute, "@", FIELD));
    field.defaults().forEach(this::value);
  }

  private void attribute(Attribute attribute, String sigil, Map<String, Set<String>> registry) {
    String what = "'" + sigil + attribute.name().text() + "'";
    arguments(what, attribute.args(), attribute.named(), registry.getOrDefault(attribute.name().text(), Set.of()));
  }

  private void value(Value value) {
    if (value instanceof Value.CallValue call) {
      arguments("'" + call.function() + "()'", call.args(), call.named(), CALL.getOrDefault(call.function(), Set.of()));
    }
  }

  private void arguments(String what, List<Value> args, List<NamedArg> named, Set<String> allowed) {
    args.forEach(this::value);
    Set<String> seen = new HashSet<>();
    for (NamedArg arg : named) {
      value(arg.value());
      String key = arg.key().text();
      if (!allowed.contains(key)) {
        diagnostics.report(Diagnostic.of(Code.BAD_NAMED_ARGUMENT, arg.span(),
            what + " takes no argument named '" + key + "'", hint(key, allowed)));
      } else if (!seen.add(key)) {
        diagnostics.report(Diagnostic.of(Code.BAD_NAMED_ARGUMENT, arg.span(),
            "'" + key + ":' is given twice in " + what, "remove one"));
      }
    }
    if (!named.isEmpty()) {
      Span firstNamed = named.stream().map(NamedArg::span).min(SOURCE_ORDER).orElseThrow();
      args.stream().map(Value::span).filter(span -> SOURCE_ORDER.compare(span, firstNamed) > 0).findFirst()
          .ifPresent(span -> diagnostics.report(Diagnostic.of(Code.BAD_NAMED_ARGUMENT, span,
              "a positional argument follows a named one in " + what,
              "write the positional arguments first, then the 'name: value' ones")));
    }
  }

  private static String hint(String key, Set<String> allowed) {
    if (allowed.isEmpty()) {
      return "it takes no named arguments: remove '" + key + ":'";
    }
    String names = String.join(", ", new TreeSet<>(allowed));
    return Suggestions.nearest(key, allowed)
        .map(near -> "did you mean '" + near + ":'? It takes: " + names)
        .orElse("it takes: " + names);
  }
}
