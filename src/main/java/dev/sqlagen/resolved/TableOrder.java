package dev.sqlagen.resolved;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order in which tables can be created so that every foreign key points at a table that
 * exists, and the foreign keys that cannot be: those closing a cycle, which are added once all
 * tables exist ({@code use_alter} in the models). Ties keep declaration order. Decided once, by
 * the checker (a circle of required references is an error), for the models and the migration.
 */
public record TableOrder(List<Entity> tables, Set<ColumnRef> deferred) {
  public TableOrder {
    tables = List.copyOf(tables);
    deferred = Set.copyOf(deferred);
  }

  /** A column of a table, by name. */
  public record ColumnRef(String table, String column) {
    // Written out: a record's generated equals and hashCode go through invokedynamic, which is
    // slow until compiled, and a short run looks these up for every foreign-key column.
    @Override
    public boolean equals(Object other) {
      return other instanceof ColumnRef ref && table.equals(ref.table) && column.equals(ref.column);
    }

    @Override
    public int hashCode() {
      return 31 * table.hashCode() + column.hashCode();
    }
  }

  /** Whether this foreign-key column closes a cycle and is added after the tables. */
  public boolean isDeferred(Entity entity, Column column) {
    return !deferred.isEmpty() && deferred.contains(new ColumnRef(entity.table(), column.name()));
  }

  /**
   * Kahn's algorithm over the entities that own a table, on their positions in declaration
   * order: linear in tables and foreign keys.
   */
  public static TableOrder of(List<Entity> all) {
    List<Entity> tables = all.stream().filter(Entity::ownsTable).toList();
    int count = tables.size();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < count; i++) {
      position.put(tables.get(i).table(), i);
    }
    int[] pending = new int[count];
    List<List<Integer>> dependents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      dependents.add(new ArrayList<>(1));
    }
    for (int i = 0; i < count; i++) {
      BitSet targets = new BitSet();
      for (Column column : tables.get(i).tableColumns()) {
        // A reference without a FOREIGN KEY constraint orders nothing.
        Integer target = column.foreignKey().filter(Column.ForeignKey::constraint).map(fk -> position.get(fk.table())).orElse(null);
        if (target != null && target != i && !targets.get(target)) {
          targets.set(target);
          pending[i]++;
          dependents.get(target).add(i);
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < count; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    BitSet created = new BitSet(count);
    List<Entity> order = new ArrayList<>(count);
    Set<ColumnRef> deferred = new HashSet<>();
    while (order.size() < count) {
      Integer polled = ready.poll();
      int next;
      if (polled == null) {
        // A cycle: create a table now and add its missing keys afterwards. Those keys are set
        // after the rows exist, so prefer the earliest declared table whose missing keys may be null.
        next = created.nextClearBit(0);
        for (int t = next; t < count; t = created.nextClearBit(t + 1)) {
          if (missingKeysNullable(tables.get(t), position, created)) {
            next = t;
            break;
          }
        }
        Entity entity = tables.get(next);
        for (Column column : entity.tableColumns()) {
          if (isMissing(entity, column, position, created)) {
            deferred.add(new ColumnRef(entity.table(), column.name()));
          }
        }
      } else if (created.get(polled)) {
        continue;
      } else {
        next = polled;
      }
      order.add(tables.get(next));
      created.set(next);
      for (int dependent : dependents.get(next)) {
        if (--pending[dependent] == 0 && !created.get(dependent)) {
          ready.add(dependent);
        }
      }
    }
    return new TableOrder(order, deferred);
  }

  private static boolean missingKeysNullable(Entity entity, Map<String, Integer> position, BitSet created) {
    for (Column column : entity.tableColumns()) {
      if (isMissing(entity, column, position, created) && !column.nullable()) {
        return false;
      }
    }
    return true;
  }

  /** A foreign key to another table that does not exist yet. */
  private static boolean isMissing(Entity entity, Column column, Map<String, Integer> position, BitSet created) {
    return column.foreignKey()
        .filter(fk -> fk.constraint() && !fk.table().equals(entity.table()))
        .map(fk -> position.get(fk.table()))
        .map(target -> !created.get(target))
        .orElse(false);
  }
}
