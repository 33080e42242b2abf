package dev.sqlagen.resolved;

/** What the database does to referencing rows when the referenced row is deleted or its key changes. */
public enum ReferentialAction {
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  RESTRICT("RESTRICT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The action as SQL writes it: {@code ON DELETE SET NULL}. */
  public String sql() {
    return sql;
  }
}
