package dev.sqlagen.plan;

import java.util.List;

/**
 * One class: its {@code class X(Y):} line, its docstring lines and the sections of its body, to
 * be printed with one blank line between sections.
 */
public record ClassView(String header, List<String> docstring, List<List<String>> sections) {
  public ClassView {
    docstring = List.copyOf(docstring);
    sections = sections.stream().filter(s -> !s.isEmpty()).map(List::copyOf).toList();
  }
}
