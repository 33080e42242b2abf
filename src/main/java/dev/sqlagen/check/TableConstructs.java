package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Value;
import dev.sqlagen.naming.ConstraintNames;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.IndexOptions;
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
 * Resolves a model's table-level constructs: {@code @check} on its columns, the indexes and unique
 * constraints of fields whose {@code @index} or {@code @unique} has arguments ({@link IndexArguments}),
 * then {@code @@check}, {@code @@unique}, {@code @@index} and {@code @@unique_index} in the order
 * written; and its
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

  private final IndexArguments indexArguments;

  private TableConstructs(Diagnostics diagnostics, ModelDraft draft, Map<String, List<String>> fieldColumns) {
    this.diagnostics = diagnostics;
    this.indexArguments = new IndexArguments(diagnostics);
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
    for (ModelDraft.Entry entry : draft.entries()) {
      if (entry instanceof ModelDraft.ColumnEntry column && IndexArguments.tableLevel(column.field())) {
        columnIndex(column).ifPresent(constraints::add);
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

  /**
   * A field's own {@code @index} or {@code @unique} with arguments that {@code index=True} and
   * {@code unique=True} cannot say (the column has neither then): an index named as the
   * convention names the column's index, or with {@code @unique} alone a unique constraint.
   */
  private Optional<TableConstraint> columnIndex(ModelDraft.ColumnEntry entry) {
    if (entry.column().primaryKey()) {
      return Optional.empty(); // its key indexes it: '@index has no effect' is reported
    }
    Optional<Attribute> index = entry.attribute("index");
    Optional<Attribute> unique = entry.attribute("unique");
    String column = entry.column().name();
    String field = entry.field().name().text();
    Optional<IndexOptions> uniqueOptions = unique.isEmpty() ? Optional.of(IndexOptions.NONE)
        : indexArguments.options(unique.get(), "'@unique'", true, index.isEmpty());
    if (index.isEmpty()) {
      return uniqueOptions.flatMap(options -> named(
          new TableConstraint.Unique(ConstraintNames.unique(draft.table(), column), List.of(column), options.nullsNotDistinct()),
          unique.get().span(), "@unique on '" + field + "'"));
    }
    Optional<IndexOptions> indexOptions = indexArguments.options(index.get(), "'@index'", unique.isPresent(), false);
    Optional<String> opclass = Optional.empty();
    Optional<Value> ops = index.get().named("ops");
    if (ops.isPresent()) {
      opclass = indexArguments.opclass(ops.get(), "'ops:'");
      if (opclass.isEmpty()) {
        return Optional.empty();
      }
    }
    if (indexOptions.isEmpty() || uniqueOptions.isEmpty()) {
      return Optional.empty();
    }
    IndexOptions options = new IndexOptions(indexOptions.get().using(), indexOptions.get().where(),
        uniqueOptions.get().nullsNotDistinct());
    return named(new TableConstraint.Index(ConstraintNames.index(draft.table(), column),
            List.of(new TableConstraint.IndexColumn(column, false, opclass, false)), unique.isPresent(), options),
        index.get().span(), "@index on '" + field + "'");
  }

  private Optional<TableConstraint.Unique> unique(Attribute attribute) {
    Optional<List<TableConstraint.IndexColumn>> columns = parts(attribute, false);
    Optional<IndexOptions> options = indexArguments.options(attribute, "'@@unique'", true, true);
    if (columns.isEmpty() || options.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = columns.get().stream().map(TableConstraint.IndexColumn::column).toList();
    if (names.size() < 2) {
      return fail(Code.BAD_INDEX_COLUMNS, attribute.span(), "'@@unique' over one column",
          "a single column is unique with @unique on its field; @@unique is for several, such as @@unique(a, b)");
    }
    String dbName = "uq_" + draft.table() + "_" + String.join("_", names);
    return named(new TableConstraint.Unique(dbName, names, options.get().nullsNotDistinct()), attribute.span(),
        "@@unique(" + String.join(", ", names) + ")");
  }

  private Optional<TableConstraint.Index> index(Attribute attribute, boolean unique) {
    Optional<List<TableConstraint.IndexColumn>> columns = parts(attribute, true);
    Optional<IndexOptions> options = indexArguments.options(attribute, "'@@" + attribute.name().text() + "'", unique, false);
    Optional<String> name = indexName(attribute, columns);
    if (columns.isEmpty() || options.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = columns.get().stream().map(c -> c.expression() ? "sql(...)" : c.column()).toList();
    return named(new TableConstraint.Index(name.get(), columns.get(), unique, options.get()), attribute.span(),
        "@@" + attribute.name().text() + "(" + String.join(", ", names) + ")");
  }

  /**
   * The index's name: {@code name: "exact"} as given, or else {@code ix_<table>_<columns>}, the
   * convention's form; an expression has no name the convention could use, so it needs one.
   */
  private Optional<String> indexName(Attribute attribute, Optional<List<TableConstraint.IndexColumn>> columns) {
    Optional<Value> given = attribute.named("name");
    if (given.isPresent()) {
      if (given.get() instanceof Value.StringValue name && !name.value().isBlank()) {
        return Optional.of(name.value());
      }
      return fail(Code.BAD_ATTRIBUTE_ARGUMENT, given.get().span(), "'name:' takes the index's name as a string",
          "write such as name: \"ix_users_lower_email\"");
    }
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    if (columns.get().stream().anyMatch(TableConstraint.IndexColumn::expression)) {
      return fail(Code.INDEX_NEEDS_NAME, attribute.span(), "an index over an expression needs a name",
          "the naming convention names an index after its columns; give it one, such as @@"
              + attribute.name().text() + "(sql(\"lower(email)\"), name: \"ix_" + draft.table() + "_lower_email\")");
    }
    return Optional.of("ix_" + draft.table() + "_" + String.join("_", columns.get().stream().map(TableConstraint.IndexColumn::column).toList()));
  }

  /**
   * The parts an attribute lists: fields; and where {@code index} is true (an index, not a
   * constraint) also {@code desc(field)}, {@code ops(field, operator_class)} and
   * {@code sql("expression")}.
   */
  private Optional<List<TableConstraint.IndexColumn>> parts(Attribute attribute, boolean index) {
    String what = "'@@" + attribute.name().text() + "'";
    if (attribute.args().isEmpty()) {
      return fail(Code.BAD_INDEX_COLUMNS, attribute.span(), what + " needs the fields it spans", "write @@" + attribute.name().text() + "(a, b)");
    }
    List<TableConstraint.IndexColumn> result = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean ok = true;
    for (Value arg : attribute.args()) {
      boolean descending = false;
      Optional<String> opclass = Optional.empty();
      Value field = arg;
      if (index && arg instanceof Value.CallValue call && call.named().isEmpty()) {
        if (call.function().equals("desc") && call.args().size() == 1) {
          descending = true;
          field = call.args().get(0);
        } else if (call.function().equals("ops") && call.args().size() == 2) {
          field = call.args().get(0);
          opclass = indexArguments.opclass(call.args().get(1), "'ops(field, operator_class)'");
          if (opclass.isEmpty()) {
            ok = false;
            continue;
          }
        } else if (call.function().equals("sql") && call.args().size() == 1 && call.args().get(0) instanceof Value.StringValue sql
            && !sql.value().isBlank() && !sql.value().contains("\\:")) {
          if (!seen.add("sql(" + sql.value() + ")")) {
            diagnostics.report(Diagnostic.of(Code.BAD_INDEX_COLUMNS, arg.span(), "the expression is listed twice", "remove one"));
            ok = false;
          }
          result.add(TableConstraint.IndexColumn.expression(sql.value()));
          continue;
        }
      }
      if (!(field instanceof Value.NameValue name)) {
        diagnostics.report(Diagnostic.of(Code.BAD_INDEX_COLUMNS, arg.span(),
            what + " lists field names" + (index ? ", desc(field), ops(field, operator_class) or sql(\"expression\")" : ""),
            index ? "write such as @@index(customer, desc(created_at)), @@index(ops(title, text_pattern_ops)) or @@index(sql(\"lower(email)\"), name: \"...\")"
                : "write such as @@unique(a, b); a sort order, an operator class or an expression is an index's: @@unique_index(...)"));
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
      if (opclass.isPresent() && columns.size() > 1) {
        diagnostics.report(Diagnostic.of(Code.BAD_INDEX_OPTION, arg.span(),
            "'" + name.name() + "' stands for " + columns.size() + " columns, and ops() gives one column its operator class",
            "list its columns' fields one by one"));
        ok = false;
        continue;
      }
      for (String column : columns) {
        result.add(new TableConstraint.IndexColumn(column, descending, opclass, false));
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
