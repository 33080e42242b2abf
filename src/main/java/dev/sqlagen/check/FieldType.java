package dev.sqlagen.check;

import dev.sqlagen.resolved.ColumnType;

/** What a field's type resolved to: a column type, or a model (a relationship). */
sealed interface FieldType {
  /** A column: a built-in type or an enum. */
  record Scalar(ColumnType type) implements FieldType {}

  /** A relationship to a model. */
  record ModelRef(String model) implements FieldType {}
}
