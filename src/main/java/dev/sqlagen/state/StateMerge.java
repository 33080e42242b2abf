package dev.sqlagen.state;

import dev.sqlagen.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state after two branches of revisions meet: each element (schema, enum type, table, column,
 * key, constraint, index) as the branch that changed it left it, compared with the state both
 * started from. An element both branches changed differently is a conflict.
 */
public final class StateMerge {
  private StateMerge() {}

  /** The merged state, or the elements in conflict. */
  public record Result(Optional<SchemaState> state, List<String> conflicts) {
    public Result {
      Objects.requireNonNull(state, "state");
      conflicts = List.copyOf(conflicts);
    }
  }

  public static Result merge(SchemaState base, SchemaState ours, SchemaState theirs) {
    Map<String, String> b = elements(base);
    Map<String, String> o = elements(ours);
    Map<String, String> t = elements(theirs);
    Map<String, String> merged = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    List<String> keys = new ArrayList<>(o.keySet());
    t.keySet().stream().filter(k -> !o.containsKey(k)).forEach(keys::add);
    b.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    for (String key : keys) {
      String was = b.get(key);
      String mine = o.get(key);
      String other = t.get(key);
      String value;
      if (Objects.equals(mine, other)) {
        value = mine;
      } else if (Objects.equals(mine, was)) {
        value = other;
      } else if (Objects.equals(other, was)) {
        value = mine;
      } else {
        String[] parts = key.split("\0");
        conflicts.add(parts[0].replace('_', ' ') + " " + (parts.length > 2 ? parts[2] + "." : "") + parts[1]);
        continue;
      }
      if (value != null) {
        merged.put(key, value);
      }
    }
    if (!conflicts.isEmpty()) {
      return new Result(Optional.empty(), conflicts);
    }
    // Elements of a table come after its table line: order by table, then as they came.
    StringBuilder text = new StringBuilder(SnapshotFormat.write(new Snapshot("merge", List.of(), "0".repeat(64), SchemaState.EMPTY)));
    merged.values().stream().filter(line -> !line.startsWith("{\"column\"") && !isMember(line)).forEach(line -> {
      text.append(line).append('\n');
      if (line.startsWith("{\"table\"")) {
        String table = tableName(line);
        merged.values().stream().filter(m -> isMember(m) || m.startsWith("{\"column\""))
            .filter(m -> table.equals(memberTable(m))).forEach(m -> text.append(m).append('\n'));
      }
    });
    SnapshotFormat.Read read = SnapshotFormat.read(new SourceFile("merge", text.toString()));
    if (read.snapshot().isEmpty()) {
      return new Result(Optional.empty(), read.problems().stream().map(d -> d.message()).toList());
    }
    return new Result(Optional.of(read.snapshot().get().state()), List.of());
  }

  private static boolean isMember(String line) {
    return line.startsWith("{\"primary_key\"") || line.startsWith("{\"foreign_key\"") || line.startsWith("{\"unique\"")
        || line.startsWith("{\"check\"") || line.startsWith("{\"index\"");
  }

  /** Each line of the state's snapshot by what it describes: kind, name and table. */
  private static Map<String, String> elements(SchemaState state) {
    Map<String, String> elements = new LinkedHashMap<>();
    String text = SnapshotFormat.write(new Snapshot("x", List.of(), "0".repeat(64), state));
    text.lines().skip(1).forEach(line -> {
      String kind = line.substring(2, line.indexOf('"', 2));
      String name = value(line, kind);
      String table = memberTable(line);
      elements.put(kind + "\0" + name + (table == null ? "" : "\0" + table), line);
    });
    return elements;
  }

  private static String tableName(String line) {
    return value(line, "table");
  }

  private static String memberTable(String line) {
    return line.startsWith("{\"table\"") ? null : value(line, "table");
  }

  /** A string member of a snapshot line, read back with the line's own reader. */
  private static String value(String line, String key) {
    try {
      Object parsed = Json.parse(line);
      Object value = ((Map<?, ?>) parsed).get(key);
      return value instanceof String s ? s : null;
    } catch (Json.SyntaxException e) {
      throw new IllegalStateException("a snapshot line sqlagen wrote does not parse: " + line, e);
    }
  }
}
