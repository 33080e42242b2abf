package dev.sqlagen.plan;

import java.util.Objects;

/**
 * One output file: its path relative to the output directory, the template that prints it and
 * the view the template reads ({@code null} view and template for a file that is empty).
 * {@code keepExisting} marks a file that is written once and never replaced: a migration that
 * may already have been applied somewhere.
 */
public record PlannedFile(String path, String template, Object view, boolean keepExisting) {
  public PlannedFile {
    Objects.requireNonNull(path, "path");
    if ((template == null) != (view == null)) {
      throw new IllegalArgumentException("a template needs a view and a view needs a template");
    }
  }

  public PlannedFile(String path, String template, Object view) {
    this(path, template, view, false);
  }

  public static PlannedFile empty(String path) {
    return new PlannedFile(path, null, null, false);
  }
}
