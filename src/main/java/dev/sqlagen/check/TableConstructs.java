package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.naming.ConstraintNames;
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
  private final ConstraintNames naming;

  private TableConstructs(Diagnostics diagnostics, ModelDraft draft, Map<String, List<String>> fieldColumns, ConstraintNames naming) {
    this.naming = naming;
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

  /** A model's columns, less the flags of objects named exactly, and its table-level constraints and indexes. */
  record Result(List<Column> columns, List<TableConstraint> constraints) {}

  /**
   * The table-level constraints and indexes of a model whose columns are resolved, with every name
   * of its table checked (the key's, the foreign keys', the columns' unique constraints and indexes):
   * distinct, and within PostgreSQL's 63 bytes. A column's {@code @unique(name:)} or
   * {@code @index(name:)} becomes a constraint or index of the table, named exactly.
   *
   * @param key the table's primary key in key order (none for a single-table subclass)
   */
  static Result resolve(
      Diagnostics diagnostics, ModelDraft draft, List<Column> columns, Map<String, List<String>> fieldColumns,
      ConstraintNames naming, List<Column> key, Optional<Name> keyName) {
    return new TableConstructs(diagnostics, draft, fieldColumns, naming).run(columns, key, keyName);
  }

  private Result run(List<Column> given, List<Column> key, Optional<Name> keyName) {
    String table = draft.table();
    List<Column> columns = new ArrayList<>(given);
    if (!key.isEmpty()) {
      String name = keyName.map(Name::text).orElseGet(() -> naming.primaryKey(table, key.stream().map(Column::name).toList()));
      claim(name, keyName.map(Name::span).orElse(draft.model().name().span()), "the primary key", keyName.isPresent(),
          keyExample(key));
    }
    foreignKeys(columns);
    List<TableConstraint> constraints = new ArrayList<>();
    exactColumnObjects(columns, constraints);
    for (Column column : columns) {
      if (column.unique() && !column.index()) {
        claim(naming.unique(table, List.of(column.name())), fieldSpan(column.field()), "@unique on '" + column.field() + "'", false,
            "@unique(name: \"...\")");
      }
      if (column.index()) {
        claim(naming.index(table, List.of(column.name())), fieldSpan(column.field()),
            (column.foreignKey().isPresent() ? "the index of foreign key '" : "@index on '") + column.field() + "'", false,
            "@index(name: \"...\")");
      }
    }
    for (ModelDraft.Entry entry : draft.entries()) {
      if (entry instanceof ModelDraft.ColumnEntry column && column.check().isPresent()) {
        String name = column.column().name();
        Attribute at = column.field().attributes().stream().filter(a -> a.name().text().equals("check")).findFirst().orElseThrow();
        Optional<Name> exact = column.names().check();
        TableConstraint.Check check = exact
            .map(n -> new TableConstraint.Check(n.text(), n.text(), column.check().get(), true))
            .orElseGet(() -> new TableConstraint.Check(name, naming.check(table, name), column.check().get(), false));
        named(check, exact.map(Name::span).orElse(at.span()), "@check on '" + column.field().name().text() + "'", exact.isPresent())
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
    return new Result(columns, constraints);
  }

  /** Each foreign key's name: its own ({@code @fk(col, name:)}) or the convention's. */
  private void foreignKeys(List<Column> columns) {
    Map<String, ModelDraft.ReferenceEntry> byColumn = new HashMap<>();
    for (ModelDraft.ReferenceEntry reference : draft.references()) {
      fieldColumns.getOrDefault(reference.name(), List.of()).forEach(c -> byColumn.putIfAbsent(c, reference));
    }
    for (List<Column> group : Column.foreignKeyGroups(columns)) {
      String name = Column.foreignKeyName(naming, draft.table(), group);
      ModelDraft.ReferenceEntry reference = byColumn.get(group.get(0).name());
      Optional<Name> exact = reference == null ? Optional.empty() : reference.names().foreignKey();
      Span at = exact.map(Name::span).orElse(reference == null ? draft.model().name().span() : reference.field().name().span());
      String field = reference == null ? group.get(0).field() : reference.name();
      claim(name, at, "the foreign key of '" + field + "'", exact.isPresent(),
          "@fk(" + String.join(", ", group.stream().map(Column::name).toList()) + ", name: \"...\")");
    }
  }

  /**
   * A field's {@code @unique(name:)} and {@code @index(name:)}: the column's unique constraint or
   * index (a reference's: its foreign-key column's) becomes one of the table, named exactly.
   */
  private void exactColumnObjects(List<Column> columns, List<TableConstraint> constraints) {
    for (ModelDraft.Entry entry : draft.entries()) {
      ModelDraft.ObjectNames names = entry instanceof ModelDraft.ColumnEntry c ? c.names()
          : entry instanceof ModelDraft.ReferenceEntry r ? r.names() : ModelDraft.ObjectNames.NONE;
      List<String> fieldColumns = this.fieldColumns.getOrDefault(entry.name(), List.of());
      if (fieldColumns.isEmpty() || (names.index().isEmpty() && names.unique().isEmpty())) {
        continue;
      }
      if (entry instanceof ModelDraft.ColumnEntry c && IndexArguments.tableLevel(c.field())) {
        continue; // an index or constraint of the table already (columnIndex), which takes the name
      }
      int at = -1;
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(fieldColumns.get(0))) {
          at = i;
        }
      }
      if (at < 0) {
        continue;
      }
      Column column = columns.get(at);
      if (names.index().isPresent()) {
        Name name = names.index().get();
        if (!column.index()) {
          diagnostics.report(Diagnostic.of(Code.BAD_EXACT_NAME, name.span(), "'" + entry.name() + "' has no index of its own to name",
              column.primaryKey() ? "its primary key indexes it" : column.unique() ? "its unique constraint indexes it: name that with @unique(name: ...)"
                  : "write @index(name: ...) on a field that has an index"));
          continue;
        }
        named(new TableConstraint.Index(name.text(), List.of(new TableConstraint.IndexColumn(column.name(), false)), column.unique()),
            name.span(), "@index on '" + entry.name() + "'", true).ifPresent(constraints::add);
        columns.set(at, flags(column, false, false));
      } else {
        Name name = names.unique().get();
        if (!column.unique() || column.index()) {
          diagnostics.report(Diagnostic.of(Code.BAD_EXACT_NAME, name.span(), "'" + entry.name() + "' has no unique constraint of its own to name",
              column.primaryKey() ? "it is the whole primary key, which is unique already: name the key with @pk(name: ...)"
                  : "name the unique index with @index(name: ...)"));
          continue;
        }
        named(new TableConstraint.Unique(name.text(), List.of(column.name()), true, false), name.span(), "@unique on '" + entry.name() + "'", true)
            .ifPresent(constraints::add);
        columns.set(at, flags(column, false, false));
      }
    }
  }

  private static Column flags(Column c, boolean unique, boolean index) {
    return new Column(c.field(), c.name(), c.type(), c.nullable(), c.primaryKey(), unique, index, c.defaultValue(), c.doc(),
        c.foreignKey(), c.options(), c.comment());
  }

  /** {@code @@pk(a, b, name: "...")}, or {@code @pk(name: "...")} for a one-column key. */
  private static String keyExample(List<Column> key) {
    return key.size() == 1 ? "@pk(name: \"...\")" : "@@pk(" + String.join(", ", key.stream().map(Column::field).toList()) + ", name: \"...\")";
  }

  private Span fieldSpan(String field) {
    return draft.entries().stream().filter(e -> e.name().equals(field)).findFirst()
        .map(e -> e.field().name().span())
        .orElse(draft.model().name().span());
  }

  private Optional<TableConstraint.Check> check(Attribute attribute) {
    List<Value> args = attribute.args();
    Optional<Name> exact = ExactNames.of(attribute, diagnostics);
    if (args.size() == 1 && args.get(0) instanceof Value.StringValue sql && exact.isPresent()) {
      if (sql.value().isBlank()) {
        return fail(Code.BAD_CHECK, sql.span(), "'@@check' takes one SQL expression, as a string", "write @@check(\"total >= 0\", name: \"total_positive\")");
      }
      return named(new TableConstraint.Check(exact.get().text(), exact.get().text(), sql.value(), true), exact.get().span(),
          "@@check(name: \"" + exact.get().text() + "\")", true);
    }
    if (args.size() == 1 && args.get(0) instanceof Value.StringValue) {
      return fail(Code.BAD_CHECK, args.get(0).span(), "a model-level CHECK needs a name",
          "name it first, such as: @@check(positive_total, \"total >= 0\"), or give its exact name: @@check(\"total >= 0\", name: \"total_positive\")");
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
    if (exact.isPresent()) {
      return fail(Code.BAD_EXACT_NAME, exact.get().span(), "'@@check' is named twice: by '" + name.get() + "' and by name:",
          "keep one: @@check(\"" + sql.value() + "\", name: \"" + exact.get().text() + "\") is the exact name");
    }
    String dbName = naming.check(draft.table(), name.get());
    return named(new TableConstraint.Check(name.get(), dbName, sql.value(), false), args.get(0).span(), "@@check(" + name.get() + ")", false);
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
    Optional<Name> exactUnique = entry.names().unique();
    Optional<Name> exactIndex = entry.names().index();
    if (index.isEmpty()) {
      String name = exactUnique.map(Name::text).orElseGet(() -> naming.unique(draft.table(), List.of(column)));
      return uniqueOptions.flatMap(options -> named(
          new TableConstraint.Unique(name, List.of(column), exactUnique.isPresent(), options.nullsNotDistinct()),
          exactUnique.map(Name::span).orElse(unique.get().span()), "@unique on '" + field + "'", exactUnique.isPresent()));
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
    String name = exactIndex.map(Name::text).orElseGet(() -> naming.index(draft.table(), List.of(column)));
    return named(new TableConstraint.Index(name,
            List.of(new TableConstraint.IndexColumn(column, false, opclass, false)), unique.isPresent(), options),
        exactIndex.map(Name::span).orElse(index.get().span()), "@index on '" + field + "'", exactIndex.isPresent());
  }

  private Optional<TableConstraint.Unique> unique(Attribute attribute) {
    Optional<List<TableConstraint.IndexColumn>> columns = parts(attribute, false);
    Optional<IndexOptions> options = indexArguments.options(attribute, "'@@unique'", true, true);
    Optional<Name> exact = ExactNames.of(attribute, diagnostics);
    if (columns.isEmpty() || options.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = columns.get().stream().map(TableConstraint.IndexColumn::column).toList();
    if (names.size() < 2) {
      return fail(Code.BAD_INDEX_COLUMNS, attribute.span(), "'@@unique' over one column",
          "a single column is unique with @unique on its field; @@unique is for several, such as @@unique(a, b)");
    }
    String dbName = exact.map(Name::text).orElseGet(() -> naming.unique(draft.table(), names));
    return named(new TableConstraint.Unique(dbName, names, exact.isPresent(), options.get().nullsNotDistinct()),
        exact.map(Name::span).orElse(attribute.span()), "@@unique(" + String.join(", ", names) + ")", exact.isPresent());
  }

  private Optional<TableConstraint.Index> index(Attribute attribute, boolean unique) {
    Optional<List<TableConstraint.IndexColumn>> columns = parts(attribute, true);
    Optional<IndexOptions> options = indexArguments.options(attribute, "'@@" + attribute.name().text() + "'", unique, false);
    Optional<Name> exact = ExactNames.of(attribute, diagnostics);
    Optional<String> name = indexName(attribute, columns, exact);
    if (columns.isEmpty() || options.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = columns.get().stream().map(c -> c.expression() ? "sql(...)" : c.column()).toList();
    return named(new TableConstraint.Index(name.get(), columns.get(), unique, options.get()), exact.map(Name::span).orElse(attribute.span()),
        "@@" + attribute.name().text() + "(" + String.join(", ", names) + ")", exact.isPresent());
  }

  /**
   * The index's name: {@code name: "exact"} as given, or else {@code ix_<table>_<columns>}, the
   * convention's form; an expression has no name the convention could use, so it needs one.
   */
  private Optional<String> indexName(Attribute attribute, Optional<List<TableConstraint.IndexColumn>> columns, Optional<Name> exact) {
    if (exact.isPresent()) {
      return Optional.of(exact.get().text());
    }
    if (attribute.named("name").isPresent() || columns.isEmpty()) {
      return Optional.empty(); // a bad name: reported by ExactNames
    }
    if (columns.get().stream().anyMatch(TableConstraint.IndexColumn::expression)) {
      return fail(Code.INDEX_NEEDS_NAME, attribute.span(), "an index over an expression needs a name",
          "the naming convention names an index after its columns; give it one, such as @@"
              + attribute.name().text() + "(sql(\"lower(email)\"), name: \"ix_" + draft.table() + "_lower_email\")");
    }
    return Optional.of(naming.index(draft.table(), columns.get().stream().map(TableConstraint.IndexColumn::column).toList()));
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
  private <T extends TableConstraint> Optional<T> named(T constraint, Span at, String what, boolean exact) {
    String example = what.startsWith("@@check") ? "@@check(\"...\", name: \"...\")"
        : what.startsWith("@check") ? "@check(\"...\", name: \"...\")"
        : what.startsWith("@@") ? what.substring(0, what.length() - 1) + ", name: \"...\")"
        : constraint instanceof TableConstraint.Index ? "@index(name: \"...\")" : "@unique(name: \"...\")";
    String earlier = names.get(lower(constraint.dbName()));
    if (earlier != null) {
      return fail(Code.DUPLICATE_CONSTRAINT_NAME, at, what + " would be named '" + constraint.dbName() + "', like " + earlier,
          exact || constraint instanceof TableConstraint.Check ? "give it another name"
              : "remove one of them: they are the same " + (constraint instanceof TableConstraint.Index ? "index" : "constraint"));
    }
    return claim(constraint.dbName(), at, what, exact, example) ? Optional.of(constraint) : Optional.empty();
  }

  /**
   * Takes a name in the table: reported if something else has it, or if it is longer than
   * PostgreSQL's 63 bytes (one rule for every kind of object: PostgreSQL would cut it, and
   * SQLAlchemy would shorten a convention's name with a hash, so models and database would differ).
   *
   * @param exact whether the schema gives the name ({@code name:}), else the naming convention makes it
   * @param example how to give it a shorter name of its own
   */
  private boolean claim(String name, Span at, String what, boolean exact, String example) {
    String earlier = names.putIfAbsent(lower(name), what);
    if (earlier != null) {
      diagnostics.report(Diagnostic.of(Code.DUPLICATE_CONSTRAINT_NAME, at, what + " would be named '" + name + "', like " + earlier,
          exact ? "give it another name" : "give one of them a name of its own, such as " + example));
      return false;
    }
    int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME) {
      diagnostics.report(Diagnostic.of(Code.NAME_TOO_LONG, at, "the name of " + what + ", '" + name + "', is " + bytes
          + " bytes long; PostgreSQL cuts names at " + MAX_NAME,
          exact ? "shorten it" : "give it a shorter name of its own, such as " + example + ", or shorten the table name (@@table) or the column names"));
      return false;
    }
    return true;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private <T> Optional<T> fail(Code code, Span at, String message, String help) {
    diagnostics.report(Diagnostic.of(code, at, message, help));
    return Optional.empty();
  }
}
