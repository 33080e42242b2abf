package dev.sqlagen.state;

import dev.sqlagen.naming.ConstraintNames;
import dev.sqlagen.resolved.Column;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.Reference;
import dev.sqlagen.resolved.ReferentialAction;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.resolved.TableConstraint;
import dev.sqlagen.resolved.TableOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database a resolved schema describes: what its migrations must lead to, and what
 * {@code create_all()} of its models makes. Tables come in the schema's table order, link tables
 * last; constraint and index names follow the naming convention of the generated metadata.
 */
public final class StateBuilder {
  private final ResolvedSchema schema;
  private final ConstraintNames naming;
  private final Map<String, EnumType> enums = new HashMap<>();
  private final Map<String, Entity> entities = new HashMap<>();
  /** Per table, the reference field that declared each of its foreign-key fields. */
  private final Map<String, Map<String, String>> referenceOf = new HashMap<>();
  private final Map<String, String> modelOfTable = new HashMap<>();

  private StateBuilder(ResolvedSchema schema) {
    this.schema = schema;
    this.naming = schema.naming();
    schema.enums().forEach(e -> enums.putIfAbsent(e.name(), e));
    for (Entity entity : schema.entities()) {
      entities.putIfAbsent(entity.name(), entity);
      Map<String, String> fields = referenceOf.computeIfAbsent(entity.table(), t -> new HashMap<>());
      for (Reference reference : entity.references()) {
        reference.foreignKeyFields().forEach(field -> fields.putIfAbsent(field, reference.field()));
      }
      if (entity.ownsTable()) {
        modelOfTable.putIfAbsent(entity.table(), entity.name());
      }
    }
  }

  public static SchemaState of(ResolvedSchema schema) {
    return new StateBuilder(schema).build();
  }

  private SchemaState build() {
    List<String> schemas = schema.entities().stream().flatMap(e -> e.schema().stream()).distinct().sorted().toList();
    TableOrder order = schema.tableOrder();
    List<TableState> tables = new ArrayList<>();
    for (Entity entity : order.tables()) {
      tables.add(table(entity, order));
    }
    for (LinkTable link : schema.linkTables()) {
      tables.add(linkTable(link));
    }
    return new SchemaState(schemas, usedEnums(), tables);
  }

  /** Enum types that some column uses; an unused enum has no database type. */
  private List<EnumState> usedEnums() {
    Set<String> used = new LinkedHashSet<>();
    for (Entity entity : schema.tables()) {
      for (Column column : entity.tableColumns()) {
        column.type().enumName().ifPresent(used::add);
      }
    }
    return schema.enums().stream()
        .filter(e -> used.contains(e.name()))
        .map(e -> new EnumState(e.dbName(), e.values(), Optional.of(e.name())))
        .toList();
  }

  private TableState table(Entity entity, TableOrder order) {
    Map<String, String> referenceOf = this.referenceOf.getOrDefault(entity.table(), Map.of());
    List<ColumnState> columns = new ArrayList<>();
    for (Column column : entity.tableColumns()) {
      columns.add(new ColumnState(
          column.name(),
          databaseType(column.type()),
          column.nullable(),
          // A joined-table subclass's key takes its value from the parent's row.
          column.autoincrement(entity.primaryKey().size()),
          column.defaultValue().filter(ColumnDefault::inDatabase).map(this::databaseDefault),
          column.options().identity(),
          column.options().computed(),
          column.comment(),
          Optional.of(column.field()),
          Optional.ofNullable(referenceOf.get(column.field()))));
    }
    // Named by the convention on the column, or exactly (name:) in the table's constraints.
    List<UniqueState> uniques = new ArrayList<>();
    for (Column column : entity.tableColumns()) {
      if (column.unique() && !column.index()) {
        uniques.add(new UniqueState(naming.unique(entity.table(), List.of(column.name())), List.of(column.name())));
      }
    }
    List<CheckState> checks = new ArrayList<>();
    List<IndexState> indexes = new ArrayList<>();
    for (Column column : entity.tableColumns()) {
      if (column.index()) {
        indexes.add(new IndexState(naming.index(entity.table(), List.of(column.name())),
            List.of(new TableConstraint.IndexColumn(column.name(), false)), column.unique()));
      }
    }
    for (TableConstraint constraint : entity.constraints()) {
      if (constraint instanceof TableConstraint.Check check) {
        checks.add(new CheckState(check.dbName(), check.sql()));
      } else if (constraint instanceof TableConstraint.Unique unique) {
        uniques.add(new UniqueState(unique.dbName(), unique.columns(), unique.nullsNotDistinct()));
      } else if (constraint instanceof TableConstraint.Index index) {
        indexes.add(new IndexState(index.dbName(), index.columns(), index.unique(), index.options()));
      }
    }
    // By name, as the first revision creates them: the order they were declared in is not
    // something the database, or a revision read back, can tell.
    indexes.sort(Comparator.comparing(IndexState::name));
    return new TableState(
        entity.table(),
        entity.schema(),
        entity.comment(),
        columns,
        primaryKey(entity.table(), entity.primaryKey(), entity.keyName()),
        foreignKeys(naming, entity.table(), entity.tableColumns(), order, entity),
        uniques,
        checks,
        indexes,
        Optional.of(rootModel(entity)),
        List.of());
  }

  /** The model whose table this is: the root of a single-table hierarchy maps it. */
  private String rootModel(Entity entity) {
    Entity at = entity;
    while (at.parent().isPresent() && !at.ownsTable()) {
      at = entities.get(at.parent().get());
    }
    return at.name();
  }

  private TableState linkTable(LinkTable link) {
    List<ColumnState> columns = new ArrayList<>();
    for (Column column : link.columns()) {
      Column.ForeignKey fk = column.foreignKey().orElseThrow();
      String side = modelOfTable.get(fk.table());
      columns.add(new ColumnState(column.name(), databaseType(column.type()), false, false, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.of(side + "." + fk.column()), Optional.empty()));
    }
    return new TableState(
        link.table(),
        link.schema(),
        Optional.empty(),
        columns,
        primaryKey(link.table(), link.columns(), Optional.empty()),
        foreignKeys(naming, link.table(), link.columns(), null, null),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(link.left(), link.right()));
  }

  private PrimaryKeyState primaryKey(String table, List<Column> key, Optional<String> name) {
    List<String> columns = key.stream().map(Column::name).toList();
    return new PrimaryKeyState(name.orElseGet(() -> naming.primaryKey(table, columns)), columns);
  }

  /**
   * The foreign keys of a table: one per one-column key, one per composite group, in column order.
   *
   * @param entity the model the table maps, to ask the order for deferred keys; null for a link table
   */
  private static List<ForeignKeyState> foreignKeys(
      ConstraintNames naming, String table, List<Column> columns, TableOrder order, Entity entity) {
    List<ForeignKeyState> keys = new ArrayList<>();
    for (List<Column> group : Column.foreignKeyGroups(columns)) {
      Column first = group.get(0);
      Column.ForeignKey target = first.foreignKey().orElseThrow();
      keys.add(new ForeignKeyState(
          Column.foreignKeyName(naming, table, group),
          group.stream().map(Column::name).toList(),
          target.table(),
          target.schema(),
          group.stream().map(c -> c.foreignKey().orElseThrow().column()).toList(),
          target.onDelete().map(ReferentialAction::sql),
          target.onUpdate().map(ReferentialAction::sql),
          entity != null && order.isDeferred(entity, first)));
    }
    return keys;
  }

  /** An enum column's type names the database type, not the schema's enum. */
  private ColumnType databaseType(ColumnType type) {
    if (type.custom().isPresent()) {
      // A type of @@type as the database and the revisions know it: its SQLAlchemy types and SQL
      // text, not the schema's name for it nor the Python annotation.
      dev.sqlagen.resolved.CustomType custom = type.custom().get();
      return ColumnType.custom(dev.sqlagen.resolved.CustomType.readBack(custom.sqlalchemy(), custom.sqlite(), custom.sql()));
    }
    return type.enumName().map(name -> ColumnType.enumOf(enums.get(name).dbName())).orElse(type);
  }

  /**
   * A default as the database has it: {@code sql("5")} is the default {@code 5} (both are written
   * {@code DEFAULT 5}), and an enum member names the database type.
   */
  private ColumnDefault databaseDefault(ColumnDefault value) {
    if (value instanceof ColumnDefault.Sql sql && sql.expression().matches("-?\\d+(\\.\\d+)?")) {
      return new ColumnDefault.Number(sql.expression());
    }
    if (value instanceof ColumnDefault.EnumMember member) {
      return new ColumnDefault.EnumMember(enums.get(member.enumName()).dbName(), enums.get(member.enumName()).value(member.member()));
    }
    return value;
  }
}
