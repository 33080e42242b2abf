package dev.sqlagen.state;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;

/**
 * A schema's rename hints in the terms of its database: which table, column (by field), enum
 * type and value each renames, and what it was called in the schema before. Built by
 * {@link StateBuilder}; matched against a recorded state by the revision planner.
 */
public record StateHints(List<TableHint> tables, List<ColumnHint> columns, List<EnumHint> enums, List<ValueHint> values) {
  /** No hint. */
  public static final StateHints NONE = new StateHints(List.of(), List.of(), List.of(), List.of());

  /** {@code @@was(Old)} in the model that maps {@code table}: its model was called {@code was}. */
  public record TableHint(String table, String was, Span span) {
    public TableHint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(was, "was");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code @was(old)} on the field whose column (or whose reference's foreign-key columns) are
   * in {@code table}: the field was called {@code was}.
   */
  public record ColumnHint(String table, String field, String was, Span span) {
    public ColumnHint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(was, "was");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code @@was(Old)} in the enum whose database type is {@code type}. */
  public record EnumHint(String type, String was, Span span) {
    public EnumHint {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(was, "was");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code @was(old)} on the member {@code value} of the enum whose database type is {@code type}. */
  public record ValueHint(String type, String value, String was, Span span) {
    public ValueHint {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(was, "was");
      Objects.requireNonNull(span, "span");
    }
  }

  public StateHints {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
    enums = List.copyOf(enums);
    values = List.copyOf(values);
  }

  public boolean isEmpty() {
    return tables.isEmpty() && columns.isEmpty() && enums.isEmpty() && values.isEmpty();
  }
}
