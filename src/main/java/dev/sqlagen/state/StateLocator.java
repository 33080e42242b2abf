package dev.sqlagen.state;

import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Schema;
import dev.sqlagen.resolved.Entity;
import dev.sqlagen.resolved.EnumType;
import dev.sqlagen.resolved.LinkTable;
import dev.sqlagen.resolved.RenameHints;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state a schema describes, with the places in the schema file that declare each table,
 * column and enum, and its rename hints in database terms.
 */
public final class StateLocator {
  private final Schema parsed;
  private final ResolvedSchema schema;
  private final Map<String, Model> models = new HashMap<>();
  private final Map<String, Mixin> mixins = new HashMap<>();
  private final Map<String, Entity> entities = new HashMap<>();

  private StateLocator(Schema parsed, ResolvedSchema schema) {
    this.parsed = parsed;
    this.schema = schema;
    parsed.models().forEach(m -> models.putIfAbsent(m.name().text(), m));
    parsed.mixins().forEach(m -> mixins.putIfAbsent(m.name().text(), m));
    schema.entities().forEach(e -> entities.putIfAbsent(e.name(), e));
  }

  /** The state of {@code schema}, located in the file {@code parsed} was read from. */
  public static LocatedState of(Schema parsed, ResolvedSchema schema) {
    return new StateLocator(parsed, schema).locate();
  }

  private LocatedState locate() {
    SchemaState state = StateBuilder.of(schema);
    StateSpans spans = new StateSpans(new Span(parsed.file(), 1, 1, 0));
    for (Entity entity : schema.entities()) {
      String table = tableOf(entity);
      Optional.ofNullable(models.get(entity.name())).ifPresent(m -> spans.putTable(table, m.name().span()));
      for (dev.sqlagen.resolved.Column column : entity.columns()) {
        field(entity, column.field()).ifPresent(f -> spans.putColumn(table, column.name(), f.name().span()));
      }
      for (dev.sqlagen.resolved.Reference reference : entity.references()) {
        Optional<Field> field = field(entity, reference.field());
        for (String fk : reference.foreignKeyFields()) {
          entity.column(fk).ifPresent(c -> field.ifPresent(f -> spans.putColumn(table, c.name(), f.name().span())));
        }
      }
      for (String mixin : entity.mixins()) {
        Mixin decl = mixins.get(mixin);
        if (decl != null) {
          for (Field f : decl.fields()) {
            entity.tableColumns().stream().filter(c -> c.field().equals(f.name().text()))
                .forEach(c -> spans.putColumn(table, c.name(), f.name().span()));
          }
        }
      }
    }
    for (LinkTable link : schema.linkTables()) {
      Optional.ofNullable(models.get(link.left())).ifPresent(m -> spans.putTable(link.table(), m.name().span()));
    }
    Map<String, String> enumTypes = new HashMap<>();
    for (EnumType type : schema.enums()) {
      enumTypes.put(type.name(), type.dbName());
    }
    for (EnumDecl decl : parsed.enums()) {
      String type = enumTypes.get(decl.name().text());
      if (type != null) {
        spans.putEnum(type, decl.name().span());
        for (dev.sqlagen.model.EnumMember member : decl.members()) {
          spans.putValue(type, member.name().text(), member.name().span());
        }
      }
    }
    return new LocatedState(state, spans, hints(state, enumTypes));
  }

  /** The table a model's rows live in: its root's, for a single-table subclass. */
  private String tableOf(Entity entity) {
    Entity at = entity;
    while (!at.ownsTable() && at.parent().isPresent()) {
      at = entities.get(at.parent().get());
    }
    return at.table();
  }

  /** The field a model declares, itself or through one of its mixins. */
  private Optional<Field> field(Entity entity, String name) {
    Model model = models.get(entity.name());
    if (model != null) {
      Optional<Field> own = model.fields().stream().filter(f -> f.name().text().equals(name)).findFirst();
      if (own.isPresent()) {
        return own;
      }
    }
    for (String mixin : entity.mixins()) {
      Mixin decl = mixins.get(mixin);
      if (decl != null) {
        Optional<Field> found = decl.fields().stream().filter(f -> f.name().text().equals(name)).findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private StateHints hints(SchemaState state, Map<String, String> enumTypes) {
    List<StateHints.TableHint> tables = new ArrayList<>();
    List<StateHints.ColumnHint> columns = new ArrayList<>();
    List<StateHints.EnumHint> enums = new ArrayList<>();
    List<StateHints.ValueHint> values = new ArrayList<>();
    for (RenameHints.Hint hint : schema.renames().hints()) {
      switch (hint.kind()) {
        case MODEL -> Optional.ofNullable(entities.get(hint.owner())).filter(Entity::ownsTable)
            .ifPresent(e -> tables.add(new StateHints.TableHint(e.table(), hint.was(), hint.span())));
        case FIELD -> Optional.ofNullable(entities.get(hint.owner()))
            .ifPresent(e -> columns.add(new StateHints.ColumnHint(tableOf(e), hint.name(), hint.was(), hint.span())));
        case ENUM -> Optional.ofNullable(enumTypes.get(hint.owner())).filter(t -> state.enumType(t).isPresent())
            .ifPresent(t -> enums.add(new StateHints.EnumHint(t, hint.was(), hint.span())));
        case MEMBER -> Optional.ofNullable(enumTypes.get(hint.owner())).filter(t -> state.enumType(t).isPresent())
            .ifPresent(t -> values.add(new StateHints.ValueHint(t, hint.name(), hint.was(), hint.span())));
      }
    }
    return new StateHints(tables, columns, enums, values);
  }
}
