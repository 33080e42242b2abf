package dev.sqlagen.plan;

import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.ResolvedSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign keys between the tables of the mapped classes, seen as SQLAlchemy sees them when it
 * joins two mappers: where a relationship needs {@code foreign_keys=} or {@code remote_side=}, and
 * a joined-table subclass {@code inherit_condition}.
 *
 * <p>A mapper's selectable is its table and, for a joined-table subclass, its ancestors' tables; a
 * single-table subclass maps to its root's table, which holds every column of the hierarchy. Every
 * foreign key of a table counts, the inheritance keys of joined-table subclasses included.
 */
final class ForeignKeyPaths {
  /** One foreign-key constraint, between two tables named with their schema. */
  private record Constraint(String from, String to) {}

  private final Map<String, Entity> entities = new HashMap<>();
  private final List<Constraint> constraints = new ArrayList<>();
  /** The indexes in {@code constraints} of those from or to each table. */
  private final Map<String, List<Integer>> byTable = new HashMap<>();

  ForeignKeyPaths(ResolvedSchema schema) {
    schema.entities().forEach(entity -> entities.put(entity.name(), entity));
    for (Entity entity : schema.entities()) {
      // A single-table subclass's columns are among its root's table columns: counted there once.
      if (!entity.ownsTable()) {
        continue;
      }
      // A composite key is one constraint over several columns.
      Map<String, Column.ForeignKey> keys = new LinkedHashMap<>();
      for (Column column : entity.tableColumns()) {
        // A reference without a FOREIGN KEY constraint (constraint: false) is not one SQLAlchemy sees.
        column.foreignKey().filter(Column.ForeignKey::constraint).ifPresent(fk -> keys.putIfAbsent(fk.composite().orElse("\u0000" + column.name()), fk));
      }
      String from = qualified(entity);
      keys.values().forEach(fk -> constraints.add(new Constraint(from, fk.schema().map(s -> s + ".").orElse("") + fk.table())));
    }
    for (int i = 0; i < constraints.size(); i++) {
      byTable.computeIfAbsent(constraints.get(i).from(), t -> new ArrayList<>()).add(i);
      byTable.computeIfAbsent(constraints.get(i).to(), t -> new ArrayList<>()).add(i);
    }
  }

  /**
   * Whether SQLAlchemy, joining the two models from either side, finds more than one foreign key
   * to join on: then each relationship between them must name its own.
   */
  boolean ambiguous(String modelA, String modelB) {
    return paths(modelA, modelB) > 1 || paths(modelB, modelA) > 1;
  }

  /**
   * How many foreign keys join_condition() finds from a relationship on {@code parent} to {@code
   * child}, in either direction: those touching the parent's own table if there are any, else
   * those touching any table of its selectable.
   */
  int paths(String parent, String child) {
    Set<String> target = selectable(child);
    int local = between(Set.of(table(parent)), target);
    return local > 0 ? local : between(selectable(parent), target);
  }

  /**
   * Whether a relationship from {@code model} to {@code target} joins columns that lie in both
   * mappers' selectables: SQLAlchemy then takes it for a self-reference, one-to-many unless
   * {@code remote_side=} says which side is the target. True for a model referencing itself, and
   * for two models of one single-table hierarchy.
   */
  boolean selfReferential(String model, String target) {
    return selectable(target).contains(table(model)) && selectable(model).contains(table(target));
  }

  /**
   * Whether a joined-table subclass's table and its parent's are linked by more than the
   * inheritance key, so that the mapper must be told which one it is.
   */
  boolean ambiguousInheritance(String subclass, String parent) {
    return between(Set.of(table(subclass)), Set.of(table(parent))) > 1;
  }

  private int between(Set<String> left, Set<String> right) {
    // Only the constraints that touch the left tables (a few), not every constraint of the schema:
    // this runs for every relationship.
    Set<Integer> touching = new HashSet<>();
    left.forEach(table -> touching.addAll(byTable.getOrDefault(table, List.of())));
    int count = 0;
    for (int i : touching) {
      Constraint c = constraints.get(i);
      if ((left.contains(c.from()) && right.contains(c.to())) || (right.contains(c.from()) && left.contains(c.to()))) {
        count++;
      }
    }
    return count;
  }

  /** The table a model's columns live in: its own, or its single-table root's. */
  private String table(String model) {
    Entity entity = entities.get(model);
    return entity.ownsTable() ? qualified(entity) : table(entity.parent().orElseThrow());
  }

  /** The model's table and its ancestors' (the same one, up a single-table hierarchy). */
  private Set<String> selectable(String model) {
    Set<String> tables = new LinkedHashSet<>();
    for (Entity entity = entities.get(model); entity != null; entity = entity.parent().map(entities::get).orElse(null)) {
      tables.add(table(entity.name()));
    }
    return tables;
  }

  private static String qualified(Entity entity) {
    return entity.schema().map(s -> s + ".").orElse("") + entity.table();
  }
}
