package dev.sqlagen.write;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The complete generated output, in memory, in path order: nothing touches disk before it is whole. */
public record OutputTree(List<GeneratedFile> files) {
  public OutputTree {
    Map<String, GeneratedFile> byPath = new TreeMap<>();
    for (GeneratedFile file : files) {
      if (byPath.put(file.path(), file) != null) {
        throw new IllegalArgumentException("two files at " + file.path());
      }
    }
    files = List.copyOf(byPath.values());
  }
}
