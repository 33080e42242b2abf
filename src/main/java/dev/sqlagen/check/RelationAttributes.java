package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.Loading;
import dev.sqlagen.resolved.ReferentialAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of the relationship attributes: {@code @ondelete(action)}, {@code @onupdate(action)},
 * {@code @load(strategy)}, {@code @order_by(field, desc(field))} and {@code @through(table)}.
 */
final class RelationAttributes {
  static final Set<String> NAMES = Set.of("ondelete", "onupdate", "load", "order_by", "through");

  private static final Map<String, ReferentialAction> ACTIONS = new LinkedHashMap<>();
  private static final Map<String, Loading> LOADINGS = new LinkedHashMap<>();

  static {
    ACTIONS.put("cascade", ReferentialAction.CASCADE);
    ACTIONS.put("set_null", ReferentialAction.SET_NULL);
    ACTIONS.put("restrict", ReferentialAction.RESTRICT);
    for (Loading loading : Loading.values()) {
      LOADINGS.put(loading.lazy(), loading);
    }
  }

  /** A term of {@code @order_by} as written: the field's name and whether it is descending. */
  record OrderName(Name field, boolean descending) {}

  private final Diagnostics diagnostics;

  RelationAttributes(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<ReferentialAction> action(Optional<Attribute> attribute) {
    return attribute.flatMap(a -> keyword(a, ACTIONS, "cascade, set_null or restrict"));
  }

  Optional<Loading> loading(Optional<Attribute> attribute) {
    return attribute.flatMap(a -> keyword(a, LOADINGS, "select, selectin, joined, raise or write_only"));
  }

  Optional<Name> through(Optional<Attribute> attribute) {
    return attribute.flatMap(a -> {
      if (a.args().size() == 1) {
        Optional<Name> name = FieldAttributes.asName(a.args().get(0));
        if (name.isPresent()) {
          return name;
        }
      }
      diagnostics.report(
          Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, a.span(), "'@through' takes one table name", "write @through(\"post_tags\")"));
      return Optional.empty();
    });
  }

  List<OrderName> orderBy(Optional<Attribute> attribute) {
    if (attribute.isEmpty()) {
      return List.of();
    }
    Attribute a = attribute.get();
    List<OrderName> terms = new ArrayList<>();
    for (Value arg : a.args()) {
      Optional<OrderName> term = orderTerm(arg);
      if (term.isEmpty()) {
        diagnostics.report(
            Diagnostic.of(
                Code.BAD_ATTRIBUTE_ARGUMENT,
                arg.span(),
                "'@order_by' takes fields of the related model, each optionally wrapped in desc() or asc()",
                "write @order_by(position) or @order_by(desc(created_at), id)"));
        return List.of();
      }
      terms.add(term.get());
    }
    if (terms.isEmpty()) {
      diagnostics.report(
          Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, a.span(), "'@order_by' needs at least one field", "write @order_by(position)"));
    }
    return terms;
  }

  private static Optional<OrderName> orderTerm(Value value) {
    if (value instanceof Value.NameValue name) {
      return Optional.of(new OrderName(new Name(name.name(), name.span()), false));
    }
    if (value instanceof Value.CallValue call
        && (call.function().equals("desc") || call.function().equals("asc"))
        && call.args().size() == 1
        && call.args().get(0) instanceof Value.NameValue name) {
      return Optional.of(new OrderName(new Name(name.name(), name.span()), call.function().equals("desc")));
    }
    return Optional.empty();
  }

  private <T> Optional<T> keyword(Attribute attribute, Map<String, T> choices, String listed) {
    String name = attribute.name().text();
    if (attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.NameValue value) {
      T chosen = choices.get(value.name());
      if (chosen != null) {
        return Optional.of(chosen);
      }
      String lower = value.name().toLowerCase(Locale.ROOT).replace("-", "_");
      Optional<String> near = choices.containsKey(lower)
          ? Optional.of(lower)
          : Suggestions.nearest(value.name(), choices.keySet());
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_ATTRIBUTE_ARGUMENT,
              value.span(),
              "'" + value.name() + "' is not a choice of '@" + name + "'",
              near.map(s -> "did you mean '" + s + "'? ").orElse("") + "'@" + name + "' takes " + listed));
      return Optional.empty();
    }
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_ATTRIBUTE_ARGUMENT,
            attribute.args().isEmpty() ? attribute.span() : attribute.args().get(0).span(),
            "'@" + name + "' takes one of " + listed,
            "write @" + name + "(" + choices.keySet().iterator().next() + ")"));
    return Optional.empty();
  }
}
