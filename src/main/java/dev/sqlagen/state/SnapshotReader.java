package dev.sqlagen.state;

import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.IndexOptions;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import dev.sqlagen.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@link SnapshotFormat}'s text back, refusing anything it would not have written. */
final class SnapshotReader {
  private final SourceFile file;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final StateSpans spans;

  /** A table being read: its line and its parts as they come. */
  private static final class TableParts {
    final Line line;
    final String name;
    final Optional<String> schema;
    final Optional<String> comment;
    final Optional<String> model;
    final List<String> link;
    final List<ColumnState> columns = new ArrayList<>();
    PrimaryKeyState primaryKey;
    final List<ForeignKeyState> foreignKeys = new ArrayList<>();
    final List<UniqueState> uniques = new ArrayList<>();
    final List<CheckState> checks = new ArrayList<>();
    final List<IndexState> indexes = new ArrayList<>();

    TableParts(Line line) throws BadLine {
      this.line = line;
      this.name = line.string("table");
      this.schema = line.optionalString("schema");
      this.comment = line.optionalString("comment");
      this.model = line.optionalString("model");
      this.link = line.strings("link", false);
    }
  }

  /** The problem with a line, thrown to stop reading it. */
  private static final class BadLine extends Exception {
    final int column;

    BadLine(String message, int column) {
      super(message);
      this.column = column;
    }
  }

  /** One JSON object of the file: its members, which of them were read, and its line number. */
  private static final class Line {
    final int number;
    final Map<String, Object> members;
    final Set<String> used = new HashSet<>();

    Line(int number, Map<String, Object> members) {
      this.number = number;
      this.members = members;
    }

    boolean has(String key) {
      return members.containsKey(key);
    }

    String string(String key) throws BadLine {
      Object value = members.get(key);
      used.add(key);
      if (!(value instanceof String s) || s.isEmpty()) {
        throw new BadLine("\"" + key + "\" must be a non-empty string", 0);
      }
      return s;
    }

    Optional<String> optionalString(String key) throws BadLine {
      return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    boolean bool(String key, boolean absent) throws BadLine {
      used.add(key);
      Object value = members.get(key);
      if (value == null && !has(key)) {
        return absent;
      }
      if (!(value instanceof Boolean b)) {
        throw new BadLine("\"" + key + "\" must be true or false", 0);
      }
      return b;
    }

    List<String> strings(String key, boolean required) throws BadLine {
      used.add(key);
      Object value = members.get(key);
      if (value == null && !required && !has(key)) {
        return List.of();
      }
      if (!(value instanceof List<?> list) || (required && list.isEmpty())) {
        throw new BadLine("\"" + key + "\" must be a list of names", 0);
      }
      List<String> out = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String s) || s.isEmpty()) {
          throw new BadLine("\"" + key + "\" must be a list of names", 0);
        }
        out.add(s);
      }
      return out;
    }

    Map<?, ?> object(String key) throws BadLine {
      used.add(key);
      if (!(members.get(key) instanceof Map<?, ?> map)) {
        throw new BadLine("\"" + key + "\" must be an object", 0);
      }
      return map;
    }

    void done() throws BadLine {
      for (String key : members.keySet()) {
        if (!used.contains(key)) {
          throw new BadLine("unknown key \"" + key + "\"", 0);
        }
      }
    }
  }

  SnapshotReader(SourceFile file) {
    this.file = file;
    this.spans = new StateSpans(new dev.sqlagen.source.Span(file, 1, 1, 0));
  }

  private SnapshotFormat.Read result(Optional<Snapshot> snapshot) {
    return new SnapshotFormat.Read(problems.isEmpty() ? snapshot : Optional.empty(), spans, problems);
  }

  SnapshotFormat.Read read() {
    List<Line> lines = new ArrayList<>();
    for (int n = 1; n <= file.lineCount(); n++) {
      String text = file.line(n);
      if (text.isBlank()) {
        continue;
      }
      try {
        Object value = Json.parse(text);
        if (!(value instanceof Map<?, ?> map)) {
          problems.add(SnapshotFormat.problem(file, n, 0, "each line of a snapshot is a JSON object"));
          continue;
        }
        Map<String, Object> members = new LinkedHashMap<>();
        map.forEach((k, v) -> members.put((String) k, v));
        lines.add(new Line(n, members));
      } catch (Json.SyntaxException e) {
        problems.add(SnapshotFormat.problem(file, n, e.offset(), "not JSON: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return result(Optional.empty());
    }
    if (lines.isEmpty()) {
      problems.add(SnapshotFormat.problem(file, 1, 0, "the snapshot is empty"));
      return result(Optional.empty());
    }
    Optional<Snapshot> snapshot = assemble(lines);
    return result(snapshot);
  }

  private Optional<Snapshot> assemble(List<Line> lines) {
    Line header = lines.get(0);
    String revision;
    List<String> parents;
    String sha;
    try {
      if (!"snapshot".equals(header.members.get("sqlagen"))) {
        throw new BadLine("the first line must be the snapshot's header, {\"sqlagen\":\"snapshot\",...}", 0);
      }
      header.used.add("sqlagen");
      header.used.add("format");
      if (!(header.members.get("format") instanceof Long format) || format != SnapshotFormat.VERSION) {
        throw new BadLine("this sqlagen reads snapshots of format " + SnapshotFormat.VERSION + ", not "
            + header.members.get("format"), 0);
      }
      revision = header.string("revision");
      parents = header.strings("down_revisions", false);
      sha = header.string("revision_sha256");
      if (!sha.matches("[0-9a-f]{64}")) {
        throw new BadLine("\"revision_sha256\" must be a SHA-256 in hex", 0);
      }
      header.optionalString("comment");
      header.done();
    } catch (BadLine e) {
      problems.add(SnapshotFormat.problem(file, header.number, e.column, e.getMessage()));
      return Optional.empty();
    }
    List<String> schemas = new ArrayList<>();
    List<EnumState> enums = new ArrayList<>();
    Map<String, TableParts> tables = new LinkedHashMap<>();
    for (Line line : lines.subList(1, lines.size())) {
      try {
        element(line, schemas, enums, tables);
        line.done();
      } catch (BadLine e) {
        problems.add(SnapshotFormat.problem(file, line.number, e.column, e.getMessage()));
      } catch (IllegalArgumentException e) {
        problems.add(SnapshotFormat.problem(file, line.number, 0, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return Optional.empty(); // a table missing a bad line would only be reported again
    }
    List<TableState> states = new ArrayList<>();
    for (TableParts parts : tables.values()) {
      try {
        states.add(table(parts));
      } catch (BadLine e) {
        problems.add(SnapshotFormat.problem(file, parts.line.number, e.column, e.getMessage()));
      } catch (IllegalArgumentException e) {
        problems.add(SnapshotFormat.problem(file, parts.line.number, 0, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Snapshot(revision, parents, sha, new SchemaState(schemas, enums, states)));
    } catch (IllegalArgumentException e) {
      problems.add(SnapshotFormat.problem(file, header.number, 0, e.getMessage()));
      return Optional.empty();
    }
  }

  /** What a line describes is its first key: {@code {"column":"id","table":...}}. */
  private void element(Line line, List<String> schemas, List<EnumState> enums, Map<String, TableParts> tables) throws BadLine {
    String kind = line.members.keySet().iterator().next();
    switch (kind) {
      case "schema" -> schemas.add(line.string("schema"));
      case "enum" -> {
        EnumState type = new EnumState(line.string("enum"), line.strings("values", true), line.optionalString("declared_as"));
        enums.add(type);
        spans.putEnum(type.name(), SnapshotFormat.lineSpan(file, line.number, 0));
      }
      case "table" -> {
        TableParts parts = new TableParts(line);
        if (tables.putIfAbsent(parts.name, parts) != null) {
          throw new BadLine("table " + parts.name + " is listed twice", 0);
        }
        spans.putTable(parts.name, SnapshotFormat.lineSpan(file, line.number, 0));
      }
      case "column", "primary_key", "foreign_key", "unique", "check", "index" -> {
        String name = line.string(kind);
        String tableName = line.string("table");
        TableParts table = tables.get(tableName);
        if (table == null) {
          throw new BadLine("no table " + tableName + " is listed above this line", 0);
        }
        member(kind, name, line, table);
      }
      default -> throw new BadLine(
          "a line holds a schema, an enum, a table, or a column, key, constraint or index of a table, not \"" + kind + "\"", 0);
    }
  }

  private void member(String kind, String name, Line line, TableParts table) throws BadLine {
    switch (kind) {
      case "column" -> {
        table.columns.add(column(name, line));
        spans.putColumn(table.name, name, SnapshotFormat.lineSpan(file, line.number, 0));
      }
      case "primary_key" -> {
        if (table.primaryKey != null) {
          throw new BadLine("table " + table.name + " has a primary key already", 0);
        }
        table.primaryKey = new PrimaryKeyState(name, line.strings("columns", true));
      }
      case "foreign_key" -> table.foreignKeys.add(new ForeignKeyState(
          name,
          line.strings("columns", true),
          line.string("referred_table"),
          line.optionalString("referred_schema"),
          line.strings("referred_columns", true),
          line.optionalString("on_delete"),
          line.optionalString("on_update"),
          line.bool("use_alter", false)));
      case "unique" -> table.uniques.add(new UniqueState(name, line.strings("columns", true), line.bool("nulls_not_distinct", false)));
      case "check" -> table.checks.add(new CheckState(name, line.string("sql")));
      default -> {
        List<String> columns = line.strings("columns", true);
        List<String> expressions = line.strings("expressions", false);
        List<String> descending = line.strings("descending", false);
        if (!columns.containsAll(descending) || !columns.containsAll(expressions)) {
          throw new BadLine("\"" + (columns.containsAll(descending) ? "expressions" : "descending") + "\" names a column the index does not have", 0);
        }
        Map<String, String> ops = new LinkedHashMap<>();
        if (line.has("ops")) {
          for (Map.Entry<?, ?> entry : line.object("ops").entrySet()) {
            if (!(entry.getValue() instanceof String opclass) || opclass.isEmpty() || !columns.contains((String) entry.getKey())
                || expressions.contains((String) entry.getKey())) {
              throw new BadLine("\"ops\" maps columns of the index to operator class names", 0);
            }
            ops.put((String) entry.getKey(), opclass);
          }
        }
        if (descending.stream().anyMatch(expressions::contains)) {
          throw new BadLine("an expression of an index has no sort order", 0);
        }
        IndexOptions options = new IndexOptions(line.optionalString("using"), line.optionalString("where"), line.bool("nulls_not_distinct", false));
        table.indexes.add(new IndexState(name,
            columns.stream().map(c -> new IndexColumn(c, descending.contains(c), Optional.ofNullable(ops.get(c)), expressions.contains(c))).toList(),
            line.bool("unique", false), options));
      }
    }
  }

  private ColumnState column(String name, Line line) throws BadLine {
    String spelling = line.string("type");
    ColumnType type = ColumnTypes.parse(spelling).orElseThrow(() -> new BadLine("unknown type \"" + spelling + "\"", 0));
    Optional<ColumnDefault> serverDefault = Optional.empty();
    if (line.has("default")) {
      Map<?, ?> object = line.object("default");
      serverDefault = Optional.of(Defaults.read(object, type.enumName())
          .orElseThrow(() -> new BadLine("a default is {\"kind\":...} with a value of that kind", 0)));
    }
    Optional<IdentityKind> identity = Optional.empty();
    if (line.has("identity")) {
      String kind = line.string("identity");
      identity = Optional.of(switch (kind) {
        case "always" -> IdentityKind.ALWAYS;
        case "by_default" -> IdentityKind.BY_DEFAULT;
        default -> throw new BadLine("\"identity\" is \"always\" or \"by_default\"", 0);
      });
    }
    return new ColumnState(
        name,
        type,
        line.bool("nullable", false),
        line.bool("autoincrement", false),
        serverDefault,
        identity,
        line.optionalString("computed"),
        line.optionalString("comment"),
        line.optionalString("field"),
        line.optionalString("reference"));
  }

  private static TableState table(TableParts parts) throws BadLine {
    if (parts.primaryKey == null) {
      throw new BadLine("table " + parts.name + " has no primary key line", 0);
    }
    return new TableState(parts.name, parts.schema, parts.comment, parts.columns, parts.primaryKey, parts.foreignKeys,
        parts.uniques, parts.checks, parts.indexes, parts.model, parts.link);
  }
}
