package dev.sqlagen.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides how each imported symbol is spelt and prints the import block sorted as ruff's isort
 * rules want it. A symbol whose name would be shadowed by a class or attribute of the module is
 * reached through its module instead ({@code dt.date}, {@code sa.String}).
 */
final class ImportPlan {
  private final Set<String> reserved;
  /** Module → the alias it is bound to, for symbols spelt through their module. */
  private final Map<String, String> moduleAliases = new TreeMap<>();
  /** Module → names imported from it. */
  private final Map<String, Set<String>> fromImports = new TreeMap<>();
  private final Map<String, Boolean> stdlib = new HashMap<>();
  private final Map<Symbol, String> spellings = new HashMap<>();

  /** @param reserved every class and attribute name of the generated module */
  ImportPlan(Set<String> reserved) {
    this.reserved = Set.copyOf(reserved);
  }

  /** The spelling of a symbol in the generated code; records the import it needs. */
  String ref(Symbol symbol) {
    // A symbol's spelling never changes once decided (a module's alias is fixed at its first
    // use), and the models module asks for the same few symbols for every column.
    String spelling = spellings.get(symbol);
    if (spelling == null) {
      spelling = spell(symbol);
      spellings.put(symbol, spelling);
    }
    return spelling;
  }

  private String spell(Symbol symbol) {
    stdlib.put(symbol.module(), symbol.standardLibrary());
    if (symbol.module().equals("builtins") && !reserved.contains(symbol.name())) {
      return symbol.name(); // a builtin needs no import
    }
    if (!symbol.moduleStyle() && !reserved.contains(symbol.name())) {
      fromImports.computeIfAbsent(symbol.module(), m -> new TreeSet<>()).add(symbol.name());
      return symbol.name();
    }
    String alias = moduleAliases.computeIfAbsent(symbol.module(), m -> freeAlias(symbol.alias()));
    return alias + "." + symbol.name();
  }

  private String freeAlias(String preferred) {
    String alias = preferred;
    while (reserved.contains(alias) || moduleAliases.containsValue(alias) || importedName(alias)) {
      alias = alias + "_";
    }
    return alias;
  }

  private boolean importedName(String name) {
    return fromImports.values().stream().anyMatch(names -> names.contains(name));
  }

  /** The import block: standard library, then third party, a blank line between sections. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (boolean standard : new boolean[] {true, false}) {
      List<String> section = section(standard);
      if (!section.isEmpty() && !lines.isEmpty()) {
        lines.add("");
      }
      lines.addAll(section);
    }
    return lines;
  }

  private List<String> section(boolean standard) {
    List<String> straight = new ArrayList<>();
    Map<String, Set<String>> froms = new TreeMap<>(Comparator.comparing((String m) -> m.toLowerCase(Locale.ROOT)).thenComparing(m -> m));
    moduleAliases.forEach((module, alias) -> {
      if (stdlib.get(module) != standard) {
        return;
      }
      int dot = module.lastIndexOf('.');
      if (dot > 0 && module.substring(dot + 1).equals(alias)) {
        // sqlalchemy.orm bound as "orm": written "from sqlalchemy import orm".
        froms.computeIfAbsent(module.substring(0, dot), m -> new TreeSet<>()).add(alias);
      } else {
        straight.add(module.equals(alias) ? "import " + module : "import " + module + " as " + alias);
      }
    });
    fromImports.forEach((module, names) -> {
      if (stdlib.get(module) == standard) {
        froms.computeIfAbsent(module, m -> new TreeSet<>()).addAll(names);
      }
    });
    straight.sort(Comparator.comparing((String line) -> line.toLowerCase(Locale.ROOT)));
    List<String> lines = new ArrayList<>(straight);
    froms.forEach((module, names) -> lines.addAll(fromLine(module, names)));
    return lines;
  }

  /** {@code from m import a, b}, or the parenthesized one-per-line form when it is too long. */
  static List<String> fromLine(String module, java.util.Collection<String> names) {
    List<String> sorted = IsortOrder.sorted(names);
    String flat = "from " + module + " import " + String.join(", ", sorted);
    if (flat.length() <= PyLayout.LINE_LENGTH) {
      return List.of(flat);
    }
    List<String> lines = new ArrayList<>();
    lines.add("from " + module + " import (");
    sorted.forEach(name -> lines.add("    " + name + ","));
    lines.add(")");
    return lines;
  }
}
