package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema that passed every check: names resolved, relationships paired, database names decided.
 * Entities come parents first (a class must exist before its subclasses), otherwise in
 * declaration order. The plan stage works from this alone; {@code tableOrder} is the order in
 * which the tables can be created; {@code renames} the rename hints, for the revision planner;
 * {@code naming} the naming convention of the generated metadata ({@code @@naming}).
 */
public record ResolvedSchema(
    String sourceName,
    List<EnumType> enums,
    List<MixinType> mixins,
    List<Entity> entities,
    List<LinkTable> linkTables,
    TableOrder tableOrder,
    RenameHints renames,
    dev.sqlagen.naming.ConstraintNames naming) {
  public ResolvedSchema {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(tableOrder, "tableOrder");
    Objects.requireNonNull(renames, "renames");
    Objects.requireNonNull(naming, "naming");
    enums = List.copyOf(enums);
    mixins = List.copyOf(mixins);
    entities = List.copyOf(entities);
    linkTables = List.copyOf(linkTables);
  }

  /** A schema that declares no rename. */
  public ResolvedSchema(
      String sourceName, List<EnumType> enums, List<MixinType> mixins, List<Entity> entities, List<LinkTable> linkTables,
      TableOrder tableOrder) {
    this(sourceName, enums, mixins, entities, linkTables, tableOrder, RenameHints.NONE, dev.sqlagen.naming.ConstraintNames.DEFAULT);
  }

  public Optional<Entity> entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The entities that own a table: all but single-table subclasses. */
  public List<Entity> tables() {
    return entities.stream().filter(Entity::ownsTable).toList();
  }
}
