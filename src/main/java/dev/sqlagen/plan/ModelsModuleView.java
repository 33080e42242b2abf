package dev.sqlagen.plan;

import java.util.List;

/**
 * Everything templates/models.py.ftl prints, already decided: the template adds only blank lines
 * between the parts. Each list holds finished source lines.
 *
 * @param docstring the module docstring lines
 * @param imports the import block after {@code from __future__ import annotations}
 * @param enums the enum classes
 * @param helpers module-level functions, each a list of lines
 * @param base the declarative base class
 * @param tables the link tables of many-to-many relationships, each a list of lines
 * @param mixins the mixin classes in declaration order
 * @param classes the model classes in declaration order
 */
public record ModelsModuleView(
    List<String> docstring,
    List<String> imports,
    List<ClassView> enums,
    List<List<String>> helpers,
    ClassView base,
    List<List<String>> tables,
    List<ClassView> mixins,
    List<ClassView> classes) {
  public ModelsModuleView {
    docstring = List.copyOf(docstring);
    imports = List.copyOf(imports);
    enums = List.copyOf(enums);
    helpers = helpers.stream().map(List::copyOf).toList();
    tables = tables.stream().map(List::copyOf).toList();
    mixins = List.copyOf(mixins);
    classes = List.copyOf(classes);
  }
}
