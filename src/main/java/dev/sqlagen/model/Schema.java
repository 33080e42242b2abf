package dev.sqlagen.model;

import dev.sqlagen.source.SourceFile;
import java.util.List;
import java.util.Objects;

/**
 * A parsed schema file: its enums, mixins and models, each in the order they were written, and
 * the schema's own {@code @@} attributes written between them.
 */
public record Schema(SourceFile file, List<EnumDecl> enums, List<Mixin> mixins, List<Model> models, List<Attribute> attributes) {
  public Schema {
    Objects.requireNonNull(file, "file");
    enums = List.copyOf(enums);
    mixins = List.copyOf(mixins);
    models = List.copyOf(models);
    attributes = List.copyOf(attributes);
  }

  /** A schema without attributes of its own. */
  public Schema(SourceFile file, List<EnumDecl> enums, List<Mixin> mixins, List<Model> models) {
    this(file, enums, mixins, models, List.of());
  }
}
