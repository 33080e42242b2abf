package dev.sqlagen.migrate;

/**
 * The constraint and index names of the naming convention the generated {@code Base.metadata}
 * carries, computed the way SQLAlchemy does, so that the migration and the models agree.
 */
public final class ConstraintNames {
  private ConstraintNames() {}

  public static String primaryKey(String table) {
    return "pk_" + table;
  }

  public static String foreignKey(String table, String column, String referredTable) {
    return "fk_" + table + "_" + column + "_" + referredTable;
  }

  public static String unique(String table, String column) {
    return "uq_" + table + "_" + column;
  }

  /** {@code ix_%(column_0_label)s}: the label of a column is {@code table_column}. */
  public static String index(String table, String column) {
    return "ix_" + table + "_" + column;
  }
}
