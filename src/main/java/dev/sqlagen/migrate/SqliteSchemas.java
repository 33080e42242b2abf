package dev.sqlagen.migrate;

import dev.sqlagen.state.ForeignKeyState;
import dev.sqlagen.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQLite has no schemas: env.py maps the models' schemas to the main database
 * (schema_translate_map). That is not enough for a revision: Alembic's ALTER TABLE operations
 * (rename_table, add_column, drop_column, alter_column) ignore the map, and it holds only the
 * schemas the models have now, not one that a table of an earlier revision was in. So every
 * operation SQLite runs in a revision after the first names no schema: a step that names one gets
 * a SQLite form of its own.
 */
final class SqliteSchemas {
  private static final List<String> WHY = List.of("SQLite has no schemas: its tables are all in the main database.");

  private SqliteSchemas() {}

  /** The steps, each operation that SQLite runs naming no schema where Alembic would not translate it. */
  static List<Step> apply(List<Step> steps) {
    List<Step> result = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Step.Common common) {
        if (common.operations().stream().anyMatch(op -> inMain(op) != op)) {
          result.add(new Step.PerDialect(common.operations().stream().map(SqliteSchemas::inMain).toList(), common.operations(),
              WHY));
        } else {
          result.add(step);
        }
      } else {
        Step.PerDialect dialects = (Step.PerDialect) step;
        result.add(new Step.PerDialect(dialects.sqlite().stream().map(SqliteSchemas::inMain).toList(), dialects.others(),
            dialects.why()));
      }
    }
    return result;
  }

  /** The operation on the main database, or the operation itself when it names no schema. */
  private static Operation inMain(Operation op) {
    if (op instanceof Operation.CreateTable o && o.table().schema().isPresent()) {
      TableState table = o.table();
      // A foreign key to another schema is one SQLite leaves out of CREATE TABLE: it stays out.
      List<ForeignKeyState> keys = table.foreignKeys().stream().filter(fk -> fk.referredSchema().equals(table.schema()))
          .map(fk -> new ForeignKeyState(fk.name(), fk.columns(), fk.referredTable(), Optional.empty(), fk.referredColumns(),
              fk.onDelete(), fk.onUpdate(), fk.useAlter()))
          .toList();
      return new Operation.CreateTable(new TableState(table.name(), Optional.empty(), table.comment(), table.columns(),
          table.primaryKey(), keys, table.uniques(), table.checks(), table.indexes(), table.model(), table.link()), o.foreignKeys());
    }
    if (op instanceof Operation.DropTable o && o.table().schema().isPresent()) {
      return new Operation.DropTable(main(o.table()));
    }
    if (op instanceof Operation.CreateIndex o && o.table().schema().isPresent()) {
      return new Operation.CreateIndex(o.index(), main(o.table()));
    }
    if (op instanceof Operation.DropIndex o && o.table().schema().isPresent()) {
      return new Operation.DropIndex(o.name(), main(o.table()));
    }
    if (op instanceof Operation.RenameTable o && o.table().schema().isPresent()) {
      return new Operation.RenameTable(main(o.table()), o.newName());
    }
    if (op instanceof Operation.AddColumn o && o.table().schema().isPresent()) {
      return new Operation.AddColumn(o.column(), main(o.table()));
    }
    if (op instanceof Operation.DropColumn o && o.table().schema().isPresent()) {
      return new Operation.DropColumn(o.column(), main(o.table()));
    }
    if (op instanceof Operation.RenameColumn o && o.table().schema().isPresent()) {
      return new Operation.RenameColumn(o.column(), o.newName(), main(o.table()));
    }
    if (op instanceof Operation.AlterColumn o && o.table().schema().isPresent()) {
      return new Operation.AlterColumn(o.from(), o.to(), o.using(), main(o.table()));
    }
    return op;
  }

  private static Operation.Table main(Operation.Table table) {
    return new Operation.Table(table.name(), Optional.empty());
  }
}
