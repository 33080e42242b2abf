package dev.sqlagen.naming;

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

  /** {@code uq_%(table_name)s_%(column_0_N_name)s}: one column's name, or several joined by '_'. */
  public static String unique(String table, String column) {
    return "uq_" + table + "_" + column;
  }

  /**
   * {@code ix_%(table_name)s_%(column_0_N_name)s}. Not {@code %(column_0_label)s}, whose label
   * includes the table's schema: a table moved out of its schema (SQLite) would rename its indexes.
   */
  public static String index(String table, String column) {
    return "ix_" + table + "_" + column;
  }
}
