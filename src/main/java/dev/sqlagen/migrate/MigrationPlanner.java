package dev.sqlagen.migrate;

import dev.sqlagen.migrate.Operation.ColumnDef;
import dev.sqlagen.migrate.Operation.Constraint;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.ResolvedSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the first revision from a schema: enum types, then tables in foreign-key order with
 * their indexes, then foreign keys that close a cycle; the downgrade undoes each step in reverse.
 */
public final class MigrationPlanner {
  /** The id of the first revision: fixed, so that output is deterministic. */
  public static final String INITIAL_REVISION = "0001";

  private MigrationPlanner() {}

  public static Migration initial(ResolvedSchema schema, String message) {
    return initial(schema, TableOrder.of(schema), message);
  }

  /** The first revision, with the schema's table order computed already. */
  public static Migration initial(ResolvedSchema schema, TableOrder order, String message) {
    List<Operation> upgrade = new ArrayList<>();
    for (EnumType type : usedEnums(schema)) {
      upgrade.add(new Operation.CreateEnum(type.dbName(), type.members()));
    }
    // By name: a search of the list for every enum column grew with enums times columns.
    Map<String, EnumType> enums = new HashMap<>();
    schema.enums().forEach(e -> enums.putIfAbsent(e.name(), e));
    List<Operation> deferred = new ArrayList<>();
    for (Entity entity : order.tables()) {
      upgrade.add(createTable(enums, entity, order));
      upgrade.addAll(indexes(entity));
      for (Column column : entity.columns()) {
        if (order.isDeferred(entity, column)) {
          deferred.add(new Operation.AddForeignKey(foreignKey(entity, column, true), entity.table()));
        }
      }
    }
    upgrade.addAll(deferred);
    return new Migration(INITIAL_REVISION, Optional.empty(), message, upgrade, reverse(upgrade));
  }

  /** Enum types that some column uses; an unused enum has no database type. */
  private static List<EnumType> usedEnums(ResolvedSchema schema) {
    Set<String> used = new LinkedHashSet<>();
    for (Entity entity : schema.entities()) {
      for (Column column : entity.columns()) {
        column.type().enumName().ifPresent(used::add);
      }
    }
    return schema.enums().stream().filter(e -> used.contains(e.name())).toList();
  }

  private static Operation.CreateTable createTable(Map<String, EnumType> enums, Entity entity, TableOrder order) {
    List<ColumnDef> columns = new ArrayList<>();
    boolean singleKey = entity.primaryKey().size() == 1;
    for (Column column : entity.columns()) {
      Optional<String> enumType = column.type().enumName().map(name -> enums.get(name).dbName());
      columns.add(new ColumnDef(
          column.name(),
          column.type(),
          enumType,
          column.nullable(),
          column.primaryKey() && singleKey && column.type().isInteger(),
          column.defaultValue().filter(d -> d.serverSide()),
          column.doc()));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Column column : entity.columns()) {
      if (column.foreignKey().isPresent()) {
        constraints.add(foreignKey(entity, column, order.isDeferred(entity, column)));
      }
    }
    constraints.add(new Constraint.PrimaryKey(
        ConstraintNames.primaryKey(entity.table()), entity.primaryKey().stream().map(Column::name).toList()));
    for (Column column : entity.columns()) {
      if (column.unique() && !column.index()) {
        constraints.add(new Constraint.Unique(ConstraintNames.unique(entity.table(), column.name()), List.of(column.name())));
      }
    }
    return new Operation.CreateTable(entity.table(), columns, sortedForeignKeysFirst(constraints), entity.doc());
  }

  /** Foreign keys sorted by name, as Alembic's autogenerate writes them, then the rest. */
  private static List<Constraint> sortedForeignKeysFirst(List<Constraint> constraints) {
    List<Constraint> sorted = new ArrayList<>(constraints.stream().filter(c -> c instanceof Constraint.ForeignKey).toList());
    sorted.sort((a, b) -> a.name().compareTo(b.name()));
    constraints.stream().filter(c -> !(c instanceof Constraint.ForeignKey)).forEach(sorted::add);
    return sorted;
  }

  /** One index per indexed column; an indexed unique column gets a unique index. */
  private static List<Operation> indexes(Entity entity) {
    List<Operation> indexes = new ArrayList<>();
    for (Column column : entity.columns()) {
      if (column.index()) {
        indexes.add(new Operation.CreateIndex(
            ConstraintNames.index(entity.table(), column.name()), entity.table(), List.of(column.name()), column.unique()));
      }
    }
    indexes.sort((a, b) -> ((Operation.CreateIndex) a).name().compareTo(((Operation.CreateIndex) b).name()));
    return indexes;
  }

  private static Constraint.ForeignKey foreignKey(Entity entity, Column column, boolean useAlter) {
    Column.ForeignKey target = column.foreignKey().orElseThrow();
    return new Constraint.ForeignKey(
        ConstraintNames.foreignKey(entity.table(), column.name(), target.table()),
        List.of(column.name()),
        target.table(),
        List.of(target.column()),
        useAlter);
  }

  /** The downgrade: every upgrade step undone, last first. */
  private static List<Operation> reverse(List<Operation> upgrade) {
    List<Operation> downgrade = new ArrayList<>();
    for (int i = upgrade.size() - 1; i >= 0; i--) {
      Operation op = upgrade.get(i);
      if (op instanceof Operation.CreateEnum e) {
        downgrade.add(new Operation.DropEnum(e.name(), e.values()));
      } else if (op instanceof Operation.CreateTable t) {
        downgrade.add(new Operation.DropTable(t.table()));
      } else if (op instanceof Operation.CreateIndex ix) {
        downgrade.add(new Operation.DropIndex(ix.name(), ix.table()));
      } else if (op instanceof Operation.AddForeignKey fk) {
        downgrade.add(new Operation.DropForeignKey(fk.foreignKey().name(), fk.table()));
      } else {
        throw new IllegalArgumentException("no inverse for " + op);
      }
    }
    return downgrade;
  }

}
