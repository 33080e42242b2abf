package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each model extends: the names after {@code model Name :}, sorted into at most one parent
 * model (first) and mixins, each checked; inheritance cycles are reported and cut, so that later
 * checks can walk up to a hierarchy's root safely.
 */
final class Hierarchies {
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  /** Model → the base name that names its parent, for models that extend a model. */
  private final Map<String, Name> parents = new LinkedHashMap<>();
  /** Model → the base names of its mixins, checked, in the order written. */
  private final Map<String, List<Name>> mixins = new LinkedHashMap<>();
  private final Set<String> usedMixins = new HashSet<>();
  /** Models whose parent link was cut because it closed a cycle. */
  private final Set<String> inCycle = new HashSet<>();
  private boolean unknownBase;

  Hierarchies(Declarations declarations, Diagnostics diagnostics) {
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    for (Model model : declarations.models().values()) {
      bases(model);
    }
    cutCycles();
    for (Model model : declarations.models().values()) {
      inheritedMixins(model);
    }
  }

  Optional<String> parent(String model) {
    return Optional.ofNullable(parents.get(model)).map(Name::text);
  }

  /** Where the parent is named in the model's base list. */
  Optional<Name> parentName(String model) {
    return Optional.ofNullable(parents.get(model));
  }

  /** The top of the model's hierarchy: the model itself when it extends nothing. */
  String root(String model) {
    String current = model;
    while (parents.containsKey(current)) {
      current = parents.get(current).text();
    }
    return current;
  }

  List<Name> mixins(String model) {
    return mixins.getOrDefault(model, List.of());
  }

  boolean used(String mixin) {
    return usedMixins.contains(mixin);
  }

  /** A model in a reported cycle: it may have meant to inherit its key. */
  boolean inCycle(String model) {
    return inCycle.contains(model);
  }

  /** Whether some base names nothing declared: it may be a misspelt mixin. */
  boolean hasUnknownBase() {
    return unknownBase;
  }

  /**
   * The fields a model gets from its ancestors and mixins, each with where it comes from. Two
   * mixins (or a mixin and an ancestor) that give the same field are reported here.
   */
  Map<String, String> inherited(String model) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String ancestor = parent(model).orElse(null); ancestor != null; ancestor = parent(ancestor).orElse(null)) {
      Model declared = declarations.models().get(ancestor);
      for (Field field : declared.fields()) {
        fields.putIfAbsent(field.name().text(), "model " + ancestor);
      }
      for (Name mixin : mixins(ancestor)) {
        for (Field field : declarations.mixins().get(mixin.text()).fields()) {
          fields.putIfAbsent(field.name().text(), "mixin " + mixin.text() + " (through model " + ancestor + ")");
        }
      }
    }
    for (Name mixin : mixins(model)) {
      for (Field field : declarations.mixins().get(mixin.text()).fields()) {
        String earlier = fields.putIfAbsent(field.name().text(), "mixin " + mixin.text());
        if (earlier != null) {
          diagnostics.report(
              Diagnostic.of(
                  Code.REDECLARED_FIELD,
                  mixin.span(),
                  "mixin '" + mixin.text() + "' gives " + model + " the field '" + field.name().text() + "', which it has from " + earlier
                      + " already",
                  "rename the field in one of them, or use only one of them"));
        }
      }
    }
    return fields;
  }

  private void bases(Model model) {
    String self = model.name().text();
    Set<String> listed = new HashSet<>();
    List<Name> own = new ArrayList<>();
    for (int i = 0; i < model.bases().size(); i++) {
      Name base = model.bases().get(i);
      String text = base.text();
      if (declarations.mixins().containsKey(text)) {
        usedMixins.add(text);
        if (!listed.add(text)) {
          report(Code.BAD_BASE, base, "mixin '" + text + "' is listed twice", "remove one");
        } else {
          own.add(base);
        }
      } else if (declarations.models().containsKey(text)) {
        if (text.equals(self)) {
          inCycle.add(self);
          report(Code.INHERITANCE_CYCLE, base, "model '" + self + "' cannot extend itself", "remove '" + self + "' after the ':'");
        } else if (parents.containsKey(self)) {
          report(
              Code.BAD_BASE,
              base,
              "model '" + self + "' already extends '" + parents.get(self).text() + "'; a model extends at most one model",
              "share columns through a mixin instead: mixin Name { ... }, then model " + self + " : " + parents.get(self).text() + ", Name");
        } else {
          if (i > 0) {
            report(
                Code.BAD_BASE,
                base,
                "'" + text + "' is a model; the model to extend comes before the mixins",
                "write it first: model " + self + " : " + text + ", " + String.join(", ", model.bases().subList(0, i).stream().map(Name::text).toList())
                    + " { ... }");
          }
          parents.put(self, base);
        }
      } else if (declarations.enums().containsKey(text)) {
        report(Code.BAD_BASE, base, "'" + text + "' is an enum; a model extends a model and uses mixins",
            "to store a value of the enum, give the model a field: " + dev.sqlagen.naming.DbNames.snake(text) + " " + text);
      } else if (ScalarTypes.NAMES.contains(text)) {
        report(Code.BAD_BASE, base, "'" + text + "' is a built-in type; a model extends a model and uses mixins",
            "to store a value, give the model a field: value " + text);
      } else {
        unknownBase = true;
        List<String> known = new ArrayList<>(declarations.models().keySet());
        known.addAll(declarations.mixins().keySet());
        report(Code.BAD_BASE, base, "unknown model or mixin '" + text + "'",
            Optional.ofNullable(Suggestions.didYouMean(text, known))
                .orElse("declare 'mixin " + text + " { ... }' for shared columns, or 'model " + text + " { ... }' to extend it"));
      }
    }
    mixins.put(self, own);
  }

  /** A model that is its own ancestor: reported once per cycle, at its first declared model. */
  private void cutCycles() {
    Set<String> done = new HashSet<>();
    for (String start : declarations.models().keySet()) {
      LinkedHashSet<String> path = new LinkedHashSet<>();
      String current = start;
      while (current != null && !done.contains(current) && path.add(current)) {
        current = parent(current).orElse(null);
      }
      if (current != null && path.contains(current)) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String model : path) {
          in |= model.equals(current);
          if (in) {
            cycle.add(model);
          }
        }
        String first = declarations.models().keySet().stream().filter(cycle::contains).findFirst().orElseThrow();
        List<String> chain = new ArrayList<>();
        String walk = first;
        do {
          chain.add(walk);
          walk = parent(walk).orElseThrow();
        } while (!walk.equals(first));
        chain.add(first);
        report(
            Code.INHERITANCE_CYCLE,
            parents.get(first),
            "models " + String.join(", ", chain.subList(0, chain.size() - 1)) + " extend each other in a circle: "
                + String.join(" : ", chain),
            "a hierarchy needs a root that extends no model: remove '" + parents.get(first).text() + "' after " + first + "'s ':'");
        cycle.forEach(parents::remove);
        inCycle.addAll(cycle);
      }
      done.addAll(path);
    }
  }

  /** A mixin that a parent uses already would make Python's method resolution order fail. */
  private void inheritedMixins(Model model) {
    String self = model.name().text();
    Map<String, String> fromAncestors = new LinkedHashMap<>();
    for (String ancestor = parent(self).orElse(null); ancestor != null; ancestor = parent(ancestor).orElse(null)) {
      for (Name mixin : mixins(ancestor)) {
        fromAncestors.putIfAbsent(mixin.text(), ancestor);
      }
    }
    List<Name> kept = new ArrayList<>();
    for (Name mixin : mixins(self)) {
      String ancestor = fromAncestors.get(mixin.text());
      if (ancestor != null) {
        report(
            Code.BAD_BASE,
            mixin,
            "mixin '" + mixin.text() + "' is used by " + ancestor + " already, which " + self + " extends",
            "remove it here: " + self + " gets its columns from " + ancestor);
      } else {
        kept.add(mixin);
      }
    }
    mixins.put(self, kept);
  }

  private void report(Code code, Name at, String message, String hint) {
    diagnostics.report(Diagnostic.of(code, at.span(), message, hint));
  }

  /** The mixin declarations a model uses, in the order written. */
  List<Mixin> mixinDecls(String model) {
    return mixins(model).stream().map(n -> declarations.mixins().get(n.text())).toList();
  }
}
