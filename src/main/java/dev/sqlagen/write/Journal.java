package dev.sqlagen.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a commit is about to do, written before it renames anything: the files it creates, replaces
 * and deletes, by path relative to the output directory. A journal left behind means a run was
 * killed before its commit point; the next run undoes it.
 */
record Journal(List<Path> created, List<Path> replaced, List<Path> deleted) {
  private static final String HEADER = "# sqlagen journal: a write in progress. The next run of sqlagen undoes it.\n";

  Journal {
    created = List.copyOf(created);
    replaced = List.copyOf(replaced);
    deleted = List.copyOf(deleted);
  }

  static Journal of(Path root, Collection<Path> targets, List<Path> deletes) {
    List<Path> created = new ArrayList<>();
    List<Path> replaced = new ArrayList<>();
    for (Path target : targets) {
      (Files.exists(target) ? replaced : created).add(target);
    }
    return new Journal(created, replaced, deletes);
  }

  List<Path> replacedOrDeleted() {
    List<Path> all = new ArrayList<>(replaced);
    all.addAll(deleted);
    return all;
  }

  String render(Path root) {
    StringBuilder out = new StringBuilder(HEADER);
    created.forEach(p -> out.append("create ").append(root.relativize(p)).append('\n'));
    replaced.forEach(p -> out.append("replace ").append(root.relativize(p)).append('\n'));
    deleted.forEach(p -> out.append("delete ").append(root.relativize(p)).append('\n'));
    return out.toString();
  }

  /**
   * Reads a journal; a line that is not one sqlagen writes, or a path that leaves the directory,
   * is an error rather than something to act on.
   */
  static Journal read(Path file, Path root) throws IOException {
    List<Path> created = new ArrayList<>();
    List<Path> replaced = new ArrayList<>();
    List<Path> deleted = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        throw new ManifestPaths.MalformedException(file.getFileName() + ":" + (i + 1) + ": not a line sqlagen writes");
      }
      String kind = line.substring(0, space);
      Path path = SafeTarget.resolve(root, ManifestPaths.checked(line.substring(space + 1), file, i + 1));
      switch (kind) {
        case "create" -> created.add(path);
        case "replace" -> replaced.add(path);
        case "delete" -> deleted.add(path);
        default -> throw new ManifestPaths.MalformedException(file.getFileName() + ":" + (i + 1) + ": not a line sqlagen writes");
      }
    }
    return new Journal(created, replaced, deleted);
  }
}
