package dev.sqlagen.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics across a stage; a stage never throws for bad input, it reports here. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void report(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public void reportAll(List<Diagnostic> diagnostics) {
    all.addAll(diagnostics);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Everything reported, in source order (file, line, column), stable for equal positions. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(all);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.span().file().name())
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column()));
    return List.copyOf(copy);
  }
}
