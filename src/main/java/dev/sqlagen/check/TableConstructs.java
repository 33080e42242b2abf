package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.TableConstraint;
import dev.sqlagen.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a model's table-level constructs: {@code @check} on its columns, then {@code @@check},
 * {@code @@unique}, {@code @@index} and {@code @@unique_index} in the order written; and its
 * {@code @@schema}. Names are the ones SQLAlchemy's naming convention computes, so that models and
 * migration agree; they must be distinct within the table and fit PostgreSQL's 63 bytes.
 */
final class TableConstructs {
  /** The model attributes besides {@code @@table}. */
  static final Set<String> MODEL_ATTRIBUTES = Set.of("table", "schema", "check", "index", "unique", "unique_index");

  /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
  static final int MAX_NAME = 63;

  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

  private final Diagnostics diagnostics;
  private final ModelDraft draft;
  /** Field name → its columns (a reference: its foreign-key column); a collection maps to none. */
  private final Map<String, List<String>> fieldColumns;
  /** Lower-cased name → what already carries it in this table. */
  private final Map<String, String> names = new HashMap<>();

  private TableConstructs(Diagnostics diagnostics, ModelDraft draft, Map<String, List<String>> fieldColumns) {
    this.diagnostics = diagnostics;
    this.draft = draft;
    this.fieldColumns = fieldColumns;
  }

  /** The model's {@code @@schema}, if given and valid. */
  static Optional<String> schema(Model model, Diagnostics diagnostics) {
    Optional<String> schema = Optional.empty();
    for (Attribute attribute : model.attributes()) {
      if (!attribute.name().text().equals("schema")) {
        continue;
      }
      if (schema.isPresent()) {
        diagnostics.report(Diagnostic.of(Code.DUPLICATE_ATTRIBUTE, attribute.span(), "'@@schema' is given twice", "remove one"));
        continue;
      }
      List<Value> args = attribute.args();
      String given = args.size() != 1 ? null
          : args.get(0) instanceof Value.StringValue s ? s.value()
          : args.get(0) instanceof Value.NameValue n ? n.name() : null;
      Span at = args.isEmpty() ? attribute.span() : args.get(0).span();
      if (given == null || !given.matches(IDENTIFIER)) {
        diagnostics.report(Diagnostic.of(Code.BAD_SCHEMA, at, "'@@schema' takes one schema name: letters, digits and '_'",
            "write @@schema(\"sales\")"));
      } else if (given.length() > MAX_NAME) {
        diagnostics.report(Diagnostic.of(Code.NAME_TOO_LONG, at, "schema name '" + given + "' is longer than PostgreSQL's " + MAX_NAME + " characters",
            "shorten it"));
      } else if (given.toLowerCase(Locale.ROOT).equals("public") || given.toLowerCase(Locale.ROOT).startsWith("pg_")
          || given.equals("information_schema")) {
        diagnostics.report(Diagnostic.of(Code.BAD_SCHEMA, at, "schema '" + given + "' is PostgreSQL's own",
            given.equalsIgnoreCase("public") ? "tables are in public already: remove '@@schema'" : "choose another name"));
      } else {
        schema = Optional.of(given);
      }
    }
    return schema;
  }

  /** The table-level constraints and indexes of a model whose columns are resolved. */
  static List<TableConstraint> resolve(
      Diagnostics diagnostics, ModelDraft draft, List<Column> columns, Map<String, List<String>> fieldColumns) {
    return new TableConstructs(diagnostics, draft, fieldColumns).run(columns);
  }

  private List<TableConstraint> run(List<Column> columns) {
    String table = draft.table();
    names.put("pk_" + table.toLowerCase(Locale.ROOT), "the primary key");
    for (Column column : columns) {
      if (column.unique() && !column.index()) {
        names.put(lower("uq_" + table + "_" + column.name()), "@unique on '" + column.field() + "'");
      }
      if (column.index()) {
        names.put(lower("ix_" + table + "_" + column.name()), (column.foreignKey().isPresent() ? "the index of foreign key '" : "@index on '") + column.field() + "'");
      }
    }
    List<TableConstraint> constraints = new ArrayList<>();
    for (ModelDraft.Entry entry : draft.entries()) {
      if (entry instanceof ModelDraft.ColumnEntry column && column.check().isPresent()) {
        String name = column.column().name();
        Attribute at = column.field().attributes().stream().filter(a -> a.name().text().equals("check")).findFirst().orElseThrow();
        named(new TableConstraint.Check(name, "ck_" + table + "_" + name, column.check().get()), at.span(), "@check on '" + column.field().name().text() + "'")
            .ifPresent(constraints::add);
      }
    }
    for (Attribute attribute : draft.model().attributes()) {
      Optional<? extends TableConstraint> constraint = switch (attribute.name().text()) {
        case "check" -> check(attribute);
        case "unique" -> unique(attribute);
        case "index" -> index(attribute, false);
        case "unique_index" -> index(attribute, true);
        default -> Optional.empty();
      };
      constraint.ifPresent(constraints::add);
    }
    return constraints;
  }

  private Optional<TableConstraint.Check> check(Attribute attribute) {
    List<Value> args = attribute.args();
    if (args.size() == 1 && args.get(0) instanceof Value.StringValue) {
      return fail(Code.BAD_CHECK, args.get(0).span(), "a model-level CHECK needs a name",
          "name it first, such as: @@check(positive_total, \"total >= 0\")");
    }
    if (args.size() != 2 || !(args.get(1) instanceof Value.StringValue sql) || sql.value().isBlank()) {
      return fail(Code.BAD_CHECK, args.isEmpty() ? attribute.span() : args.get(0).span(),
          "'@@check' takes a name and one SQL expression, as a string", "write @@check(positive_total, \"total >= 0\")");
    }
    Optional<String> name = args.get(0) instanceof Value.NameValue n ? Optional.of(n.name())
        : args.get(0) instanceof Value.StringValue s && s.value().matches(IDENTIFIER) ? Optional.of(s.value()) : Optional.empty();
    if (name.isEmpty()) {
      return fail(Code.BAD_CHECK, args.get(0).span(), "a CHECK's name is letters, digits and '_'",
          "write @@check(positive_total, \"total >= 0\")");
    }
    String dbName = "ck_" + draft.table() + "_" + name.get();
    return named(new TableConstraint.Check(name.get(), dbName, sql.value()), args.get(0).span(), "@@check(" + name.get() + ")");
  }

  private Optional<TableConstraint.Unique> unique(Attribute attribute) {
    Optional<List<TableConstraint.IndexColumn>> columns = columns(attribute, false);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = columns.get().stream().map(TableConstraint.IndexColumn::column).toList();
    if (names.size() < 2) {
      return fail(Code.BAD_INDEX_COLUMNS, attribute.span(), "'@@unique' over one column",
          "a single column is unique with @unique on its field; @@unique is for several, such as @@unique(a, b)");
    }
    String dbName = "uq_" + draft.table() + "_" + String.join("_", names);
    return named(new TableConstraint.Unique(dbName, names), attribute.span(), "@@unique(" + String.join(", ", names) + ")");
  }

  private Optional<TableConstraint.Index> index(Attribute attribute, boolean unique) {
    Optional<List<TableConstraint.IndexColumn>> columns = columns(attribute, true);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = columns.get().stream().map(TableConstraint.IndexColumn::column).toList();
    String dbName = "ix_" + draft.table() + "_" + String.join("_", names);
    return named(new TableConstraint.Index(dbName, columns.get(), unique), attribute.span(),
        "@@" + attribute.name().text() + "(" + String.join(", ", names) + ")");
  }

  /** The columns an attribute lists: fields, or {@code desc(field)} where {@code descending} is allowed. */
  private Optional<List<TableConstraint.IndexColumn>> columns(Attribute attribute, boolean descendingAllowed) {
    String what = "'@@" + attribute.name().text() + "'";
    if (attribute.args().isEmpty()) {
      return fail(Code.BAD_INDEX_COLUMNS, attribute.span(), what + " needs the fields it spans", "write @@" + attribute.name().text() + "(a, b)");
    }
    List<TableConstraint.IndexColumn> result = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean ok = true;
    for (Value arg : attribute.args()) {
      boolean descending = false;
      Value field = arg;
      if (arg instanceof Value.CallValue call && call.function().equals("desc") && descendingAllowed && call.args().size() == 1) {
        descending = true;
        field = call.args().get(0);
      }
      if (!(field instanceof Value.NameValue name)) {
        diagnostics.report(Diagnostic.of(Code.BAD_INDEX_COLUMNS, arg.span(), what + " lists field names" + (descendingAllowed ? " or desc(field)" : ""),
            descendingAllowed ? "write such as @@index(customer, desc(created_at))" : "write such as @@unique(a, b); a unique constraint has no sort order"));
        ok = false;
        continue;
      }
      List<String> columns = fieldColumns.get(name.name());
      if (columns == null) {
        String hint = dev.sqlagen.diag.Suggestions.nearest(name.name(), fieldColumns.keySet()).map(s -> "did you mean '" + s + "'?")
            .orElse("the fields of " + draft.name() + " are: " + String.join(", ", fieldColumns.keySet()));
        diagnostics.report(Diagnostic.of(Code.BAD_INDEX_COLUMNS, name.span(), "model '" + draft.name() + "' has no field '" + name.name() + "'", hint));
        ok = false;
        continue;
      }
      if (columns.isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.BAD_INDEX_COLUMNS, name.span(), "'" + name.name() + "' is a collection, which has no column in this table",
            "index the reference on the other model instead; its foreign key is indexed already"));
        ok = false;
        continue;
      }
      if (!seen.add(name.name())) {
        diagnostics.report(Diagnostic.of(Code.BAD_INDEX_COLUMNS, name.span(), "'" + name.name() + "' is listed twice", "remove one"));
        ok = false;
        continue;
      }
      for (String column : columns) {
        result.add(new TableConstraint.IndexColumn(column, descending));
      }
    }
    return ok ? Optional.of(result) : Optional.empty();
  }

  /** The constraint, if its name is free in this table and short enough for PostgreSQL. */
  private <T extends TableConstraint> Optional<T> named(T constraint, Span at, String what) {
    String name = constraint.dbName();
    String earlier = names.putIfAbsent(lower(name), what);
    if (earlier != null) {
      return fail(Code.DUPLICATE_CONSTRAINT_NAME, at, what + " would be named '" + name + "', like " + earlier,
          constraint instanceof TableConstraint.Check ? "give it another name" : "remove one of them: they are the same " + (constraint instanceof TableConstraint.Index ? "index" : "constraint"));
    }
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME) {
      return fail(Code.NAME_TOO_LONG, at, "'" + name + "' is " + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          + " bytes long; PostgreSQL cuts names at " + MAX_NAME,
          "shorten the table name (@@table), the column names" + (constraint instanceof TableConstraint.Check ? " or the CHECK's name" : ""));
    }
    return Optional.of(constraint);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private <T> Optional<T> fail(Code code, Span at, String message, String help) {
    diagnostics.report(Diagnostic.of(code, at, message, help));
    return Optional.empty();
  }
}
