package dev.sqlagen.write;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One generated file in memory: a relative path with '/' separators, and its text. A file that
 * {@code keepExisting} is written only where there is none yet (a migration revision).
 */
public record GeneratedFile(String path, String content, boolean keepExisting) {
  public GeneratedFile(String path, String content) {
    this(path, content, false);
  }

  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")
        || java.util.Arrays.asList(path.split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
      throw new IllegalArgumentException("not a safe relative path: " + path);
    }
    if (content.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("generated files use LF line ends: " + path);
    }
  }

  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
