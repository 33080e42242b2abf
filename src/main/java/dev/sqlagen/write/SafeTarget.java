package dev.sqlagen.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** Where sqlagen may write: never a dangerous directory, never outside the output directory. */
final class SafeTarget {
  private SafeTarget() {}

  /** A path that would lead outside the output directory. */
  static final class UnsafePathException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafePathException(String message) {
      super(message);
    }
  }

  /** Why the output directory must not be used: the file system root, home, a repository root. */
  static Optional<String> danger(Path root) {
    if (root.getParent() == null) {
      return Optional.of("refusing to generate into the file system root " + root);
    }
    String home = System.getProperty("user.home");
    if (home != null && root.equals(Path.of(home).toAbsolutePath().normalize())) {
      return Optional.of("refusing to generate into the home directory " + root);
    }
    if (Files.exists(root.resolve(".git"))) {
      return Optional.of("refusing to generate into a repository root " + root + " (choose a package directory inside it)");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      return Optional.of("output path " + root + " exists and is not a directory");
    }
    return Optional.empty();
  }

  /**
   * The file for a generated path, checked to lie inside the output directory, also after
   * following any symbolic link on the way.
   */
  static Path resolve(Path root, String relative) throws IOException {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new UnsafePathException("generated path escapes the output directory: " + relative);
    }
    Path existing = target;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing != null && Files.exists(root)) {
      Path real = existing.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        throw new UnsafePathException("refusing to write " + relative + ": a link leads outside the output directory");
      }
    }
    return target;
  }
}
