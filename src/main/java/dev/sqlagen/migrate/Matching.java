package dev.sqlagen.migrate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Pairs what a table had with what it has (indexes, constraints): a definition that is the same
 * under the same name first, and only then the same definition under another name (a rename).
 * Without the first pass, two equal CHECKs of which one is dropped would read as a rename of the
 * kept one's twin.
 */
final class Matching<T> {
  private final Map<T, T> pairs = new IdentityHashMap<>();
  private final List<T> added;

  private Matching(List<T> before, List<T> after, BiPredicate<T, T> same, Function<T, String> name) {
    added = new ArrayList<>(after);
    List<T> left = new ArrayList<>();
    for (T old : before) {
      Optional<T> named = added.stream().filter(n -> same.test(old, n) && name.apply(n).equals(name.apply(old))).findFirst();
      if (named.isPresent()) {
        pairs.put(old, named.get());
        added.remove(named.get());
      } else {
        left.add(old);
      }
    }
    for (T old : left) {
      Optional<T> renamed = added.stream().filter(n -> same.test(old, n)).findFirst();
      if (renamed.isPresent()) {
        pairs.put(old, renamed.get());
        added.remove(renamed.get());
      }
    }
  }

  /**
   * Matches {@code before} (in order) to {@code after}; {@code same} says whether an old one and a
   * new one have the same definition.
   */
  static <T> Matching<T> of(List<T> before, List<T> after, BiPredicate<T, T> same, Function<T, String> name) {
    return new Matching<>(before, after, same, name);
  }

  /** What the old one became, if it is still there (under its name or another). */
  Optional<T> successor(T old) {
    return Optional.ofNullable(pairs.get(old));
  }

  /** The new ones that no old one became. */
  List<T> added() {
    return added;
  }
}
