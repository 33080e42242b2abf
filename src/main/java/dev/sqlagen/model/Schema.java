package dev.sqlagen.model;

import dev.sqlagen.source.SourceFile;
import java.util.List;
import java.util.Objects;

/** A parsed schema file: its enums, mixins and models, each in the order they were written. */
public record Schema(SourceFile file, List<EnumDecl> enums, List<Mixin> mixins, List<Model> models) {
  public Schema {
    Objects.requireNonNull(file, "file");
    enums = List.copyOf(enums);
    mixins = List.copyOf(mixins);
    models = List.copyOf(models);
  }
}
