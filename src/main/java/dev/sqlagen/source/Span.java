package dev.sqlagen.source;

import java.util.Objects;

/**
 * A range of source text: where it starts (1-based line and column) and how many characters it
 * covers on that line.
 */
public record Span(SourceFile file, int line, int column, int length) {
  public Span {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1 || length < 0) {
      throw new IllegalArgumentException("bad span " + line + ":" + column + "+" + length);
    }
  }

  /** {@code file:line:col}, the form every diagnostic starts with. */
  public String location() {
    return file.name() + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location();
  }
}
