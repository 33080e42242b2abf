package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.Schema;
import dev.sqlagen.naming.PythonNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every model, enum and mixin by name; reports duplicate and unusable declaration names. */
final class Declarations {
  /** The name the generated declarative base takes; no model or enum may take it. */
  static final String BASE_CLASS = "Base";
  /** The module-level helper of the generated models; nothing else may take its name. */
  static final String ENUM_VALUES_HELPER = "_enum_values";

  /** The module-level names of generated helpers: {@code _enum_values} and per-database defaults'. */
  static final java.util.Set<String> HELPERS = java.util.Set.of(ENUM_VALUES_HELPER, "_PerDatabase", "_per_database_sql");

  private final Map<String, Model> models = new LinkedHashMap<>();
  private final Map<String, EnumDecl> enums = new LinkedHashMap<>();
  private final Map<String, Mixin> mixins = new LinkedHashMap<>();
  private final Map<String, dev.sqlagen.resolved.CustomType> customTypes = new LinkedHashMap<>();

  Declarations(Schema schema, Diagnostics diagnostics) {
    this(schema, Map.of(), diagnostics);
  }

  /** @param declaredTypes the schema's {@code @@type}s: a model, enum or mixin of the same name is a duplicate */
  Declarations(Schema schema, Map<String, CustomTypes.Declared> declaredTypes, Diagnostics diagnostics) {
    Map<String, Name> seen = new LinkedHashMap<>();
    declaredTypes.forEach((name, declared) -> {
      seen.put(name, new Name(name, declared.span()));
      customTypes.put(name, declared.type());
    });
    for (EnumDecl decl : schema.enums()) {
      if (declare(decl.name(), "model or enum", seen, diagnostics)) {
        enums.put(decl.name().text(), decl);
      }
    }
    for (Mixin mixin : schema.mixins()) {
      if (declare(mixin.name(), "mixin", seen, diagnostics)) {
        mixins.put(mixin.name().text(), mixin);
      }
    }
    for (Model model : schema.models()) {
      if (declare(model.name(), "model or enum", seen, diagnostics)) {
        models.put(model.name().text(), model);
      }
    }
  }

  /** @param kind what the name would name, in the message: "mixin", or "model or enum" */
  private static boolean declare(Name name, String kind, Map<String, Name> seen, Diagnostics diagnostics) {
    String text = name.text();
    if (text.equals(BASE_CLASS) || HELPERS.contains(text) || !PythonNames.isValidClassName(text)
        || ScalarTypes.NAMES.contains(text)) {
      diagnostics.report(
          Diagnostic.of(
              Code.RESERVED_NAME,
              name.span(),
              "'" + text + "' cannot name a " + kind,
              reservedHint(text)));
      return false;
    }
    Name earlier = seen.putIfAbsent(text, name);
    if (earlier != null) {
      diagnostics.report(
          Diagnostic.of(
              Code.DUPLICATE_DECLARATION,
              name.span(),
              "'" + text + "' is already declared at " + earlier.span().location(),
              "rename one of them"));
      return false;
    }
    return true;
  }

  private static String reservedHint(String text) {
    if (text.equals(BASE_CLASS)) {
      return "'Base' is the generated declarative base class; choose another name";
    }
    if (HELPERS.contains(text)) {
      return "'" + text + "' is the name of a helper in the generated models";
    }
    if (ScalarTypes.NAMES.contains(text)) {
      return "'" + text + "' is a built-in type; model and enum names usually start with a capital";
    }
    return "it is a Python keyword or a dunder name";
  }

  Map<String, Model> models() {
    return models;
  }

  Map<String, EnumDecl> enums() {
    return enums;
  }

  Map<String, Mixin> mixins() {
    return mixins;
  }

  /** The types declared by {@code @@type}, by name. */
  Map<String, dev.sqlagen.resolved.CustomType> customTypes() {
    return customTypes;
  }

  /** Whether a class of the generated module has this name: a model, an enum or a mixin. */
  boolean declaresClass(String name) {
    return models.containsKey(name) || enums.containsKey(name) || mixins.containsKey(name);
  }

  Set<String> typeNames() {
    Set<String> names = new java.util.TreeSet<>(ScalarTypes.NAMES);
    names.addAll(models.keySet());
    names.addAll(enums.keySet());
    names.addAll(customTypes.keySet());
    return names;
  }
}
