package dev.sqlagen.migrate;

import dev.sqlagen.migrate.Operation.ColumnDef;
import dev.sqlagen.naming.ConstraintNames;
import dev.sqlagen.migrate.Operation.Constraint;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.ReferentialAction;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.resolved.TableOrder;
import dev.sqlagen.resolved.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the first revision from a schema: PostgreSQL schemas, enum types, then tables in
 * foreign-key order with their indexes, then foreign keys that close a cycle; the downgrade undoes each step in reverse.
 */
public final class MigrationPlanner {
  /** The id of the first revision: fixed, so that output is deterministic. */
  public static final String INITIAL_REVISION = "0001";

  private MigrationPlanner() {}

  /** The first revision: every table in the schema's table order, then the keys it defers. */
  public static Migration initial(ResolvedSchema schema, String message) {
    TableOrder order = schema.tableOrder();
    List<Operation> upgrade = new ArrayList<>();
    schema.entities().stream().flatMap(e -> e.schema().stream()).distinct().sorted()
        .forEach(name -> upgrade.add(new Operation.CreateSchema(name)));
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
      for (Constraint.ForeignKey fk : foreignKeys(entity.table(), entity.tableColumns(), order, entity)) {
        if (fk.useAlter()) {
          deferred.add(new Operation.AddForeignKey(fk, entity.table(), entity.schema()));
        }
      }
    }
    // Link tables reference only model tables, which all exist by now.
    for (LinkTable link : schema.linkTables()) {
      upgrade.add(createLinkTable(link));
    }
    upgrade.addAll(deferred);
    return new Migration(INITIAL_REVISION, Optional.empty(), message, upgrade, reverse(upgrade));
  }

  /** Enum types that some column uses; an unused enum has no database type. */
  private static List<EnumType> usedEnums(ResolvedSchema schema) {
    Set<String> used = new LinkedHashSet<>();
    for (Entity entity : schema.tables()) {
      for (Column column : entity.tableColumns()) {
        column.type().enumName().ifPresent(used::add);
      }
    }
    return schema.enums().stream().filter(e -> used.contains(e.name())).toList();
  }

  private static Operation.CreateTable createTable(Map<String, EnumType> enums, Entity entity, TableOrder order) {
    List<ColumnDef> columns = new ArrayList<>();
    boolean singleKey = entity.primaryKey().size() == 1;
    for (Column column : entity.tableColumns()) {
      Optional<String> enumType = column.type().enumName().map(name -> enums.get(name).dbName());
      columns.add(new ColumnDef(
          column.name(),
          column.type(),
          enumType,
          column.nullable(),
          // A joined-table subclass's key takes its value from the parent's row.
          column.primaryKey() && singleKey && column.type().isInteger() && column.foreignKey().isEmpty(),
          column.defaultValue().filter(d -> d.serverSide()),
          column.doc(),
          column.options()));
    }
    List<Constraint> constraints = new ArrayList<>(foreignKeys(entity.table(), entity.tableColumns(), order, entity));
    constraints.add(new Constraint.PrimaryKey(
        ConstraintNames.primaryKey(entity.table()), entity.primaryKey().stream().map(Column::name).toList()));
    for (Column column : entity.tableColumns()) {
      if (column.unique() && !column.index()) {
        constraints.add(new Constraint.Unique(ConstraintNames.unique(entity.table(), column.name()), List.of(column.name())));
      }
    }
    for (TableConstraint constraint : entity.constraints()) {
      if (constraint instanceof TableConstraint.Check check) {
        constraints.add(new Constraint.Check(check.dbName(), check.sql()));
      } else if (constraint instanceof TableConstraint.Unique unique) {
        constraints.add(new Constraint.Unique(unique.dbName(), unique.columns()));
      }
    }
    return new Operation.CreateTable(entity.table(), columns, sortedForeignKeysFirst(constraints), entity.doc(), entity.schema());
  }

  /** Foreign keys sorted by name, as Alembic's autogenerate writes them, then the rest. */
  private static List<Constraint> sortedForeignKeysFirst(List<Constraint> constraints) {
    List<Constraint> sorted = new ArrayList<>(constraints.stream().filter(c -> c instanceof Constraint.ForeignKey).toList());
    sorted.sort((a, b) -> a.name().compareTo(b.name()));
    constraints.stream().filter(c -> !(c instanceof Constraint.ForeignKey)).forEach(sorted::add);
    return sorted;
  }

  /**
   * One index per indexed column (an indexed unique column gets a unique index), and the
   * table-level indexes, sorted by name as autogenerate does.
   */
  private static List<Operation> indexes(Entity entity) {
    List<Operation> indexes = new ArrayList<>();
    for (Column column : entity.tableColumns()) {
      if (column.index()) {
        indexes.add(new Operation.CreateIndex(
            ConstraintNames.index(entity.table(), column.name()), entity.table(),
            List.of(new TableConstraint.IndexColumn(column.name(), false)), column.unique(), entity.schema()));
      }
    }
    for (TableConstraint constraint : entity.constraints()) {
      if (constraint instanceof TableConstraint.Index index) {
        indexes.add(new Operation.CreateIndex(index.dbName(), entity.table(), index.columns(), index.unique(), entity.schema()));
      }
    }
    indexes.sort((a, b) -> ((Operation.CreateIndex) a).name().compareTo(((Operation.CreateIndex) b).name()));
    return indexes;
  }

  /**
   * The foreign keys of a table: one per one-column key, one per composite group, in column order.
   *
   * @param entity the model the table maps, to ask the order for deferred keys; null for a link table
   */
  private static List<Constraint.ForeignKey> foreignKeys(String table, List<Column> columns, TableOrder order, Entity entity) {
    Map<String, List<Column>> groups = new LinkedHashMap<>();
    for (Column column : columns) {
      column.foreignKey().ifPresent(fk -> groups
          .computeIfAbsent(fk.composite().map(group -> "group " + group).orElse("column " + column.name()), k -> new ArrayList<>())
          .add(column));
    }
    List<Constraint.ForeignKey> keys = new ArrayList<>();
    for (List<Column> group : groups.values()) {
      Column first = group.get(0);
      Column.ForeignKey target = first.foreignKey().orElseThrow();
      keys.add(new Constraint.ForeignKey(
          ConstraintNames.foreignKey(table, first.name(), target.table()),
          group.stream().map(Column::name).toList(),
          target.table(),
          group.stream().map(c -> c.foreignKey().orElseThrow().column()).toList(),
          target.onDelete().map(ReferentialAction::sql),
          target.onUpdate().map(ReferentialAction::sql),
          entity != null && order.isDeferred(entity, first),
          target.schema()));
    }
    return keys;
  }

  private static Operation.CreateTable createLinkTable(LinkTable link) {
    List<ColumnDef> columns = link.columns().stream()
        .map(c -> new ColumnDef(c.name(), c.type(), Optional.empty(), false, false, Optional.empty(), Optional.empty(), c.options()))
        .toList();
    List<Constraint> constraints = new ArrayList<>(foreignKeys(link.table(), link.columns(), null, null));
    constraints.add(new Constraint.PrimaryKey(
        ConstraintNames.primaryKey(link.table()), link.columns().stream().map(Column::name).toList()));
    return new Operation.CreateTable(link.table(), columns, sortedForeignKeysFirst(constraints), Optional.empty(), link.schema());
  }

  /** The downgrade: every upgrade step undone, last first. */
  private static List<Operation> reverse(List<Operation> upgrade) {
    List<Operation> downgrade = new ArrayList<>();
    for (int i = upgrade.size() - 1; i >= 0; i--) {
      Operation op = upgrade.get(i);
      if (op instanceof Operation.CreateSchema s) {
        downgrade.add(new Operation.DropSchema(s.name()));
      } else if (op instanceof Operation.CreateEnum e) {
        downgrade.add(new Operation.DropEnum(e.name(), e.values()));
      } else if (op instanceof Operation.CreateTable t) {
        downgrade.add(new Operation.DropTable(t.table(), t.schema()));
      } else if (op instanceof Operation.CreateIndex ix) {
        downgrade.add(new Operation.DropIndex(ix.name(), ix.table(), ix.schema()));
      } else if (op instanceof Operation.AddForeignKey fk) {
        downgrade.add(new Operation.DropForeignKey(fk.foreignKey().name(), fk.table(), fk.schema()));
      } else {
        throw new IllegalArgumentException("no inverse for " + op);
      }
    }
    return downgrade;
  }

}
