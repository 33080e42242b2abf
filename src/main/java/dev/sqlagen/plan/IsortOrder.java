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
  private static final Comparator<String> ORDER =
      Comparator.comparingInt(IsortOrder::group)
          .thenComparing(name -> name.toLowerCase(Locale.ROOT))
          .thenComparing(Comparator.naturalOrder());

  private IsortOrder() {}

  static List<String> sorted(Collection<String> names) {
    return names.stream().distinct().sorted(ORDER).toList();
  }

  private static int group(String name) {
    if (name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT))) {
      return 0;
    }
    return Character.isUpperCase(name.charAt(0)) ? 1 : 2;
  }
}
