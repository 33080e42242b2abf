package dev.sqlagen.naming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Python's standard library modules (3.11's {@code sys.stdlib_module_names}, public ones). */
public final class PythonModules {
  private static final Set<String> STANDARD = load();

  private PythonModules() {}

  /** Whether the module ({@code ipaddress}, {@code collections.abc}) belongs to the standard library. */
  public static boolean isStandard(String module) {
    int dot = module.indexOf('.');
    return STANDARD.contains(dot < 0 ? module : module.substring(0, dot));
  }

  private static Set<String> load() {
    try (InputStream in = PythonModules.class.getResourceAsStream("stdlib-modules.txt")) {
      return new String(Objects.requireNonNull(in, "stdlib-modules.txt").readAllBytes(), StandardCharsets.UTF_8)
          .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
