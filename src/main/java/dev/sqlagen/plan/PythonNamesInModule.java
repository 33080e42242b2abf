package dev.sqlagen.plan;

import dev.sqlagen.naming.PythonNames;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.ResolvedSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Every Python name of the models module, decided once: classes, attributes, helpers. */
final class PythonNamesInModule {
  static final String BASE = "Base";
  private static final String ENUM_VALUES_HELPER = "_enum_values";

  private final Map<String, EnumType> enums = new HashMap<>();
  private final Set<String> taken = new HashSet<>();
  private final Map<String, String> linkTableVariables = new HashMap<>();

  PythonNamesInModule(ResolvedSchema schema) {
    taken.add(BASE);
    taken.add(ENUM_VALUES_HELPER);
    for (EnumType type : schema.enums()) {
      enums.put(type.name(), type);
      taken.add(type.name());
    }
    for (dev.sqlagen.resolved.MixinType mixin : schema.mixins()) {
      taken.add(mixin.name());
      mixin.columns().forEach(c -> taken.add(attribute(c.field())));
    }
    for (Entity entity : schema.entities()) {
      taken.add(entity.name());
      entity.columns().forEach(c -> taken.add(attribute(c.field())));
      entity.references().forEach(r -> taken.add(attribute(r.field())));
      entity.collections().forEach(c -> taken.add(attribute(c.field())));
    }
    for (LinkTable link : schema.linkTables()) {
      // The table's own name where that is a free Python name, else a derived one.
      // snake_case, as PEP 8 (and ruff's N816) want module-level names.
      String variable = link.table().toLowerCase(java.util.Locale.ROOT).replaceAll("\\W+", "_").replaceAll("^_+|_+$", "");
      if (variable.isEmpty() || Character.isDigit(variable.charAt(0)) || PythonNames.KEYWORDS.contains(variable)) {
        variable = "t_" + variable;
      }
      while (taken.contains(variable)) {
        variable = variable + "_table";
      }
      taken.add(variable);
      linkTableVariables.put(link.table(), variable);
    }
  }

  /** The module-level variable holding a link table. */
  String linkTable(String table) {
    return linkTableVariables.get(table);
  }

  /** Names an import must not shadow or be shadowed by. */
  Set<String> taken() {
    return taken;
  }

  String attribute(String field) {
    return PythonNames.attribute(field);
  }

  String enumClass(String enumName) {
    return enumName;
  }

  String enumMember(String member) {
    return PythonNames.enumMember(member);
  }

  String enumDbName(String enumName) {
    return enums.get(enumName).dbName();
  }

  String enumValuesHelper() {
    return ENUM_VALUES_HELPER;
  }

  String base() {
    return BASE;
  }
}
