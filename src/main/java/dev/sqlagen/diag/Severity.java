package dev.sqlagen.diag;

/** How bad a diagnostic is: errors stop generation, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word printed in front of the code. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
