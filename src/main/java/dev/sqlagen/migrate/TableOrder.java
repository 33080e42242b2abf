package dev.sqlagen.migrate;

import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.ResolvedSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order in which tables can be created so that every foreign key points at a table that
 * exists, and the foreign keys that cannot be: those closing a cycle, which are added once all
 * tables exist ({@code use_alter} in the models). Ties keep declaration order.
 */
public record TableOrder(List<Entity> tables, Set<ColumnRef> deferred) {
  public TableOrder {
    tables = List.copyOf(tables);
    deferred = Set.copyOf(deferred);
  }

  /** A column of a table, by name. */
  public record ColumnRef(String table, String column) {}

  /** Whether this foreign-key column closes a cycle and is added after the tables. */
  public boolean isDeferred(Entity entity, Column column) {
    return deferred.contains(new ColumnRef(entity.table(), column.name()));
  }

  /** Kahn's algorithm, linear in tables and foreign keys. */
  public static TableOrder of(ResolvedSchema schema) {
    List<Entity> entities = schema.tables();
    Map<String, Integer> position = new HashMap<>();
    Map<String, Entity> byTable = new HashMap<>();
    for (int i = 0; i < entities.size(); i++) {
      position.put(entities.get(i).table(), i);
      byTable.put(entities.get(i).table(), entities.get(i));
    }
    Comparator<String> declared = Comparator.comparing(position::get);
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (Entity entity : entities) {
      Set<String> targets = new HashSet<>();
      for (Column column : entity.tableColumns()) {
        column.foreignKey().map(Column.ForeignKey::table).filter(t -> !t.equals(entity.table())).ifPresent(targets::add);
      }
      pending.put(entity.table(), targets.size());
      targets.forEach(t -> dependents.computeIfAbsent(t, k -> new ArrayList<>()).add(entity.table()));
    }
    PriorityQueue<String> ready = new PriorityQueue<>(declared);
    TreeSet<String> remaining = new TreeSet<>(declared);
    remaining.addAll(byTable.keySet());
    pending.forEach((table, count) -> {
      if (count == 0) {
        ready.add(table);
      }
    });
    List<Entity> order = new ArrayList<>();
    Set<String> created = new HashSet<>();
    Set<ColumnRef> deferred = new HashSet<>();
    while (!remaining.isEmpty()) {
      String next = ready.poll();
      if (next == null) {
        // A cycle: create a table now and add its missing keys afterwards. Those keys are set
        // after the rows exist, so prefer the earliest declared table whose missing keys may be null.
        next = remaining.stream()
            .filter(t -> missingKeysNullable(byTable.get(t), created))
            .findFirst()
            .orElse(remaining.first());
        for (Column column : byTable.get(next).tableColumns()) {
          String self = next;
          column.foreignKey()
              .filter(fk -> !fk.table().equals(self) && !created.contains(fk.table()))
              .ifPresent(fk -> deferred.add(new ColumnRef(self, column.name())));
        }
      } else if (created.contains(next)) {
        continue;
      }
      order.add(byTable.get(next));
      created.add(next);
      remaining.remove(next);
      for (String dependent : dependents.getOrDefault(next, List.of())) {
        if (pending.merge(dependent, -1, Integer::sum) == 0 && !created.contains(dependent)) {
          ready.add(dependent);
        }
      }
    }
    return new TableOrder(order, deferred);
  }

  private static boolean missingKeysNullable(Entity entity, Set<String> created) {
    return entity.tableColumns().stream()
        .filter(c -> c.foreignKey().map(fk -> !fk.table().equals(entity.table()) && !created.contains(fk.table())).orElse(false))
        .allMatch(Column::nullable);
  }
}
