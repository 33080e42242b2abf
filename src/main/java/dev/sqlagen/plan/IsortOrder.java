package dev.sqlagen.plan;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * isort's "order by type", as ruff applies it to imported names and {@code __all__}: CONSTANTS,
 * then Classes, then everything else; case-insensitive within each group.
 */
final class IsortOrder {
  private static final Comparator<Key> ORDER =
      Comparator.comparingInt(Key::group).thenComparing(Key::lower).thenComparing(Key::name);

  private IsortOrder() {}

  static List<String> sorted(Collection<String> names) {
    // Keys are made once per name, not twice per comparison: __all__ lists every model.
    return names.stream().distinct().map(Key::of).sorted(ORDER).map(Key::name).toList();
  }

  /** A name with what it sorts by. */
  private record Key(String name, int group, String lower) {
    static Key of(String name) {
      return new Key(name, IsortOrder.group(name), name.toLowerCase(Locale.ROOT));
    }
  }

  private static int group(String name) {
    if (name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT))) {
      return 0;
    }
    return Character.isUpperCase(name.charAt(0)) ? 1 : 2;
  }
}
