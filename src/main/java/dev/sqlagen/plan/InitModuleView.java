package dev.sqlagen.plan;

import java.util.List;

/**
 * What templates/__init__.py.ftl prints: the package docstring, the re-export import and
 * {@code __all__}, as finished lines.
 */
public record InitModuleView(List<String> docstring, List<String> imports, List<String> all) {
  public InitModuleView {
    docstring = List.copyOf(docstring);
    imports = List.copyOf(imports);
    all = List.copyOf(all);
  }
}
