package dev.sqlagen.migrate;

import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.ResolvedSchema;
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
 * tables exist ({@code use_alter} in the models). Ties keep declaration order.
 */
public record TableOrder(List<Entity> tables, Set<ColumnRef> deferred) {
  public TableOrder {
    tables = List.copyOf(tables);
    deferred = Set.copyOf(deferred);
  }

  /**
   * A column of a table, by name. Looked up for every foreign key of the models and of the
   * migration: equals and hashCode are written out, as a record's generated ones go through
   * invokedynamic method handles, slow until the JIT has compiled them (most of a short run).
   */
  public record ColumnRef(String table, String column) {
    @Override
    public boolean equals(Object other) {
      return other instanceof ColumnRef that && table.equals(that.table) && column.equals(that.column);
    }

    @Override
    public int hashCode() {
      return 31 * table.hashCode() + column.hashCode();
    }
  }

  /** Whether this foreign-key column closes a cycle and is added after the tables. */
  public boolean isDeferred(Entity entity, Column column) {
    return deferred.contains(new ColumnRef(entity.table(), column.name()));
  }

  /**
   * Kahn's algorithm, linear in tables and foreign keys (and a log for the queue). Tables are
   * numbered in declaration order, so the queue and the set of created tables work on ints.
   */
  public static TableOrder of(ResolvedSchema schema) {
    List<Entity> entities = schema.entities();
    int count = entities.size();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < count; i++) {
      position.put(entities.get(i).table(), i);
    }
    int[] pending = new int[count];
    List<List<Integer>> dependents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      dependents.add(new ArrayList<>(1));
    }
    for (int i = 0; i < count; i++) {
      Entity entity = entities.get(i);
      Set<Integer> targets = new HashSet<>();
      for (Column column : entity.columns()) {
        column.foreignKey().map(Column.ForeignKey::table).filter(t -> !t.equals(entity.table()))
            .ifPresent(t -> targets.add(position.get(t)));
      }
      pending[i] = targets.size();
      for (int target : targets) {
        dependents.get(target).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < count; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Entity> order = new ArrayList<>(count);
    BitSet created = new BitSet(count);
    Set<ColumnRef> deferred = new HashSet<>();
    while (order.size() < count) {
      Integer polled = ready.poll();
      int next;
      if (polled == null) {
        // A cycle: create the earliest declared table now and add its missing keys afterwards.
        next = created.nextClearBit(0);
        Entity entity = entities.get(next);
        for (Column column : entity.columns()) {
          column.foreignKey()
              .filter(fk -> !fk.table().equals(entity.table()) && !created.get(position.get(fk.table())))
              .ifPresent(fk -> deferred.add(new ColumnRef(entity.table(), column.name())));
        }
      } else if (created.get(polled)) {
        continue;
      } else {
        next = polled;
      }
      order.add(entities.get(next));
      created.set(next);
      for (int dependent : dependents.get(next)) {
        if (--pending[dependent] == 0 && !created.get(dependent)) {
          ready.add(dependent);
        }
      }
    }
    return new TableOrder(order, deferred);
  }
}
