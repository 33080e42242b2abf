package dev.sqlagen.check;

import dev.sqlagen.check.ModelDraft.ColumnEntry;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.EnumMember;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.RenameHints;
import dev.sqlagen.resolved.RenameHints.Hint;
import dev.sqlagen.resolved.RenameHints.Kind;
import dev.sqlagen.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rename hints: {@code @@was(Old)} in a model or an enum, {@code @was(old)} on a column or
 * reference field and on an enum member. Each names one identifier other than the declaration's
 * own name, and no two declarations of one scope claim the same old name; an old name that
 * another declaration has now is fine (a swap). Whether {@code @was} applies to a field is
 * {@link FieldAttributes}' business. Collects the {@link RenameHints} of the hints that pass.
 */
final class RenameChecks {
  /** The attribute's name, {@code @was} on fields and members, {@code @@was} in models and enums. */
  static final String WAS = "was";

  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

  private final Diagnostics diagnostics;
  private final Map<String, List<Hint>> enumHints = new LinkedHashMap<>();
  private final Map<String, Hint> modelHints = new HashMap<>();
  private final Map<String, List<Hint>> fieldHints = new HashMap<>();
  private final List<String> modelOrder = new ArrayList<>();

  RenameChecks(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The old name a well-formed hint gives: one identifier, bare or quoted. Nothing is reported;
   * {@link #checkArgument} reports the rest.
   */
  static Optional<Name> oldName(Attribute attribute) {
    if (attribute.args().size() != 1) {
      return Optional.empty();
    }
    return FieldAttributes.asName(attribute.args().get(0)).filter(name -> name.text().matches(IDENTIFIER));
  }

  /**
   * Reports a hint whose argument is not one identifier.
   *
   * @param what "field", "member", "model" or "enum": what the hint renames
   */
  static Optional<Name> checkArgument(Attribute attribute, String what, Diagnostics diagnostics) {
    Optional<Name> name = oldName(attribute);
    if (name.isEmpty()) {
      boolean declaration = what.equals("model") || what.equals("enum");
      String written = (declaration ? "@@" : "@") + WAS;
      List<Value> args = attribute.args();
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_ATTRIBUTE_ARGUMENT,
              args.isEmpty() ? attribute.span() : args.get(0).span(),
              "'" + written + "' takes one name: what the " + what + " was called",
              "write " + written + (declaration ? "(OldName)" : "(old_name)") + ": the " + what
                  + "'s name before the rename, letters, digits and '_'"));
    }
    return name;
  }

  /**
   * Checks every enum's {@code @@was} and its members' {@code @was}, and that no other attribute
   * is written there.
   *
   * @return the enums with an error in their attributes
   */
  Set<String> checkEnums(Collection<EnumDecl> enums) {
    Set<String> failed = new HashSet<>();
    List<Claim> claims = new ArrayList<>();
    for (EnumDecl decl : enums) {
      String enumName = decl.name().text();
      List<Hint> hints = new ArrayList<>();
      Read read = read(decl.attributes(), decl.name(), "enum",
          "an enum takes @@was(OldName), the name it had before; its members take @was(old_name)");
      boolean ok = read.ok();
      read.was().ifPresent(was -> {
        Hint hint = new Hint(Kind.ENUM, enumName, enumName, was.text(), was.span());
        hints.add(hint);
        claims.add(new Claim(hint, "'" + enumName + "'", "", hint.span()));
      });
      List<Claim> members = new ArrayList<>();
      for (EnumMember member : decl.members()) {
        Read memberRead = read(member.attributes(), member.name(), "member",
            "an enum member takes @was(old_name), the name it had before, and nothing else");
        ok &= memberRead.ok();
        memberRead.was().ifPresent(was -> {
          Hint hint = new Hint(Kind.MEMBER, enumName, member.name().text(), was.text(), was.span());
          hints.add(hint);
          members.add(new Claim(hint, "'" + hint.name() + "'", "", hint.span()));
        });
      }
      ok &= distinctClaims(members, "members of enum " + enumName).isEmpty();
      if (!ok) {
        failed.add(enumName);
      }
      enumHints.put(enumName, hints);
    }
    distinctClaims(claims, "enums").forEach(claim -> failed.add(claim.hint().owner()));
    return failed;
  }

  /** Checks every model's {@code @@was}; its other model attributes are {@link ModelChecker}'s. */
  void checkModels(Collection<Model> models) {
    List<Claim> claims = new ArrayList<>();
    for (Model model : models) {
      String modelName = model.name().text();
      modelOrder.add(modelName);
      List<Attribute> hints = model.attributes().stream().filter(a -> a.name().text().equals(WAS)).toList();
      read(hints, model.name(), "model", null).was().ifPresent(was -> {
        Hint hint = new Hint(Kind.MODEL, modelName, modelName, was.text(), was.span());
        claims.add(new Claim(hint, "'" + modelName + "'", "", hint.span()));
      });
    }
    List<Claim> clashing = distinctClaims(claims, "models");
    claims.stream().filter(c -> !clashing.contains(c)).forEach(c -> modelHints.put(c.hint().owner(), c.hint()));
  }

  /**
   * Checks the {@code @was} of every column and reference field against the others of its
   * model, counting the fields the model gets from its mixins and parents; a mixin's own fields
   * are checked once, as a scope of their own.
   */
  void checkFields(Hierarchies hierarchies, Map<String, ModelDraft> drafts, Map<String, List<ColumnEntry>> mixinColumns) {
    Map<String, List<Claim>> mixinClaims = new HashMap<>();
    mixinColumns.forEach((mixin, columns) -> {
      List<Claim> claims = claims(mixin, columns.stream().map(ModelDraft.Entry.class::cast).toList());
      distinctClaims(claims, "fields of mixin " + mixin);
      mixinClaims.put(mixin, claims);
    });
    Map<String, List<Claim>> ownClaims = new HashMap<>();
    drafts.forEach((model, draft) -> ownClaims.put(model, claims(model, draft.entries())));
    for (String model : drafts.keySet()) {
      Map<String, List<Claim>> fromMixins = new LinkedHashMap<>();
      for (Name mixin : hierarchies.mixins(model)) {
        fromMixins.put(mixin.text(), mixinClaims.getOrDefault(mixin.text(), List.of()));
      }
      if (!ownClaims.get(model).isEmpty() || fromMixins.values().stream().anyMatch(claims -> !claims.isEmpty())) {
        modelFields(model, inheritedClaims(model, hierarchies, ownClaims, mixinClaims), hierarchies, fromMixins, ownClaims.get(model));
      }
    }
  }

  /** The claims a model's parents make, each by old name; their clashes are reported on the parents. */
  private static Map<String, Claim> inheritedClaims(
      String model, Hierarchies hierarchies, Map<String, List<Claim>> ownClaims, Map<String, List<Claim>> mixinClaims) {
    Map<String, Claim> taken = new HashMap<>();
    for (String ancestor = hierarchies.parent(model).orElse(null); ancestor != null && ownClaims.containsKey(ancestor);
        ancestor = hierarchies.parent(ancestor).orElse(null)) {
      String from = ancestor;
      ownClaims.get(ancestor).forEach(c -> taken.putIfAbsent(c.hint().was(), c.from(" from model " + from)));
      for (Name mixin : hierarchies.mixins(ancestor)) {
        mixinClaims.getOrDefault(mixin.text(), List.of()).forEach(c ->
            taken.putIfAbsent(c.hint().was(), c.from(" from mixin " + mixin.text() + " (through model " + from + ")")));
      }
    }
    return taken;
  }

  /**
   * One model's field hints: those of its mixins (one per field, owned by the model), then its
   * own, each checked against all before it. Kept only when none clashes.
   */
  private void modelFields(
      String model, Map<String, Claim> taken, Hierarchies hierarchies, Map<String, List<Claim>> fromMixins, List<Claim> own) {
    boolean ok = true;
    List<Hint> hints = new ArrayList<>();
    for (Name mixin : hierarchies.mixins(model)) {
      for (Claim claim : fromMixins.get(mixin.text())) {
        // Reported at the mixin's name in the model's list: the model is where the two meet.
        Claim given = claim.from(" from mixin " + mixin.text()).at(mixin.span());
        Claim earlier = taken.putIfAbsent(claim.hint().was(), given);
        // A pair within one mixin is reported on the mixin.
        if (earlier != null && !earlier.origin().equals(given.origin())) {
          clash(earlier, given, "fields of model " + model);
          ok = false;
        }
        hints.add(new Hint(Kind.FIELD, model, claim.hint().name(), claim.hint().was(), claim.hint().span()));
      }
    }
    for (Claim claim : own) {
      Claim earlier = taken.putIfAbsent(claim.hint().was(), claim);
      if (earlier != null) {
        clash(earlier, claim, "fields of model " + model);
        ok = false;
      }
      hints.add(claim.hint());
    }
    if (ok) {
      fieldHints.put(model, hints);
    }
  }

  /** The hints that passed every check: enums with their members, then models with their fields. */
  RenameHints hints() {
    List<Hint> all = new ArrayList<>();
    enumHints.values().forEach(all::addAll);
    for (String model : modelOrder) {
      Optional.ofNullable(modelHints.get(model)).ifPresent(all::add);
      all.addAll(fieldHints.getOrDefault(model, List.of()));
    }
    return new RenameHints(all);
  }

  /** The well-formed {@code @was} of each column and reference among the entries, checked against its own name. */
  private List<Claim> claims(String owner, List<ModelDraft.Entry> entries) {
    List<Claim> claims = new ArrayList<>();
    for (ModelDraft.Entry entry : entries) {
      if (entry instanceof ModelDraft.CollectionEntry) {
        continue; // '@was' on a collection is reported as not applying
      }
      entry.attribute(WAS).flatMap(RenameChecks::oldName)
          .filter(was -> notOwnName(entry.field().name(), was, "field", "@"))
          .ifPresent(was -> {
            Hint hint = new Hint(Kind.FIELD, owner, entry.name(), was.text(), was.span());
            claims.add(new Claim(hint, "'" + entry.name() + "'", "", was.span()));
          });
    }
    return claims;
  }

  /** The claims on an old name that an earlier claim made already, each reported. */
  private List<Claim> distinctClaims(List<Claim> claims, String scope) {
    Map<String, Claim> taken = new HashMap<>();
    List<Claim> clashing = new ArrayList<>();
    for (Claim claim : claims) {
      Claim earlier = taken.putIfAbsent(claim.hint().was(), claim);
      if (earlier != null) {
        clash(earlier, claim, scope);
        clashing.add(earlier);
        clashing.add(claim);
      }
    }
    return clashing;
  }

  private void clash(Claim earlier, Claim later, String scope) {
    String was = later.hint().was();
    String written = (later.hint().kind() == Kind.MODEL || later.hint().kind() == Kind.ENUM ? "@@" : "@") + WAS + "(" + was + ")";
    report(
        Code.BAD_RENAME_HINT,
        later.at(),
        "two " + scope + " say they were called '" + was + "': " + earlier.describe() + " and " + later.describe(),
        "one of them was renamed from " + was + ": remove " + written + " from the other");
  }

  private boolean notOwnName(Name own, Name was, String what, String prefix) {
    if (!own.text().equals(was.text())) {
      return true;
    }
    report(
        Code.BAD_RENAME_HINT,
        was.span(),
        what + " '" + own.text() + "' is called '" + was.text() + "' already",
        "name what it was called before, or remove " + prefix + WAS + "(" + was.text() + ") if it was not renamed");
    return false;
  }

  /**
   * Reads a declaration's attributes: its one {@code was}, well-formed and not its own name; any
   * other is unknown, reported with {@code unknownHelp} unless it is a near miss of {@code was}
   * (a model passes its {@code @@was} only: its other attributes are {@link ModelChecker}'s).
   */
  private Read read(List<Attribute> attributes, Name own, String what, String unknownHelp) {
    String prefix = what.equals("model") || what.equals("enum") ? "@@" : "@";
    Optional<Name> was = Optional.empty();
    boolean given = false;
    boolean ok = true;
    for (Attribute attribute : attributes) {
      String name = attribute.name().text();
      if (!name.equals(WAS)) {
        ok = false;
        report(Code.UNKNOWN_ATTRIBUTE, attribute.span(),
            "unknown " + (what.equals("enum") ? "enum" : "enum member") + " attribute '" + prefix + name + "'",
            Suggestions.nearest(name, List.of(WAS)).map(s -> "did you mean '" + prefix + s + "'?").orElse(unknownHelp));
      } else if (given) {
        ok = false;
        report(Code.DUPLICATE_ATTRIBUTE, attribute.span(), "'" + prefix + WAS + "' is given twice", "remove one");
      } else {
        given = true;
        was = checkArgument(attribute, what, diagnostics).filter(old -> notOwnName(own, old, what, prefix));
        ok &= was.isPresent();
      }
    }
    return new Read(ok ? was : Optional.empty(), ok);
  }

  /** A declaration's hint as read: its old name if it has a good one, and whether all was well. */
  private record Read(Optional<Name> was, boolean ok) {}

  private void report(Code code, Span at, String message, String help) {
    diagnostics.report(Diagnostic.of(code, at, message, help));
  }

  /**
   * One declaration's claim on an old name: how it reads in a message ({@code name} and where
   * it comes from), and where a clash with it is reported.
   */
  private record Claim(Hint hint, String name, String origin, Span at) {
    Claim from(String newOrigin) {
      return new Claim(hint, name, newOrigin, at);
    }

    Claim at(Span span) {
      return new Claim(hint, name, origin, span);
    }

    String describe() {
      return name + origin;
    }
  }
}
