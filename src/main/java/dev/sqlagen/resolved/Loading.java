package dev.sqlagen.resolved;

/** How a relationship loads its objects: SQLAlchemy's {@code lazy=} strategies and write-only collections. */
public enum Loading {
  SELECT("select"),
  SELECTIN("selectin"),
  JOINED("joined"),
  RAISE("raise"),
  WRITE_ONLY("write_only");

  private final String lazy;

  Loading(String lazy) {
    this.lazy = lazy;
  }

  /** The value of {@code relationship(lazy=...)}. */
  public String lazy() {
    return lazy;
  }
}
