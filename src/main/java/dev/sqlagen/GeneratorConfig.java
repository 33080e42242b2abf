package dev.sqlagen;

import dev.sqlagen.naming.PythonNames;
import java.util.Objects;

/**
 * Every option of a generation, shared by all front-ends: the CLI and the build plugin only fill
 * this in.
 *
 * @param packageName the Python package generated (the output directory's name)
 * @param sessions which session factories session.py provides
 * @param dialect the database the embedded default URL points at
 * @param urlVariable the environment variable that holds the database URL
 */
public record GeneratorConfig(String packageName, Sessions sessions, Dialect dialect, String urlVariable) {
  /** Which session factories to generate. */
  public enum Sessions {
    SYNC, ASYNC, BOTH;

    public boolean sync() {
      return this != ASYNC;
    }

    public boolean async() {
      return this != SYNC;
    }
  }

  /** The target database of the default URL. */
  public enum Dialect {
    SQLITE, POSTGRESQL
  }

  public static final String DEFAULT_URL_VARIABLE = "DATABASE_URL";

  public GeneratorConfig {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(urlVariable, "urlVariable");
    if (!isPackageName(packageName)) {
      throw new IllegalArgumentException("'" + packageName + "' is not a valid Python package name");
    }
    if (!urlVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("'" + urlVariable + "' is not a valid environment variable name");
    }
  }

  /** The defaults: both session kinds, SQLite, {@code DATABASE_URL}. */
  public static GeneratorConfig defaults(String packageName) {
    return new GeneratorConfig(packageName, Sessions.BOTH, Dialect.SQLITE, DEFAULT_URL_VARIABLE);
  }

  /** An ASCII identifier that is not a keyword: what {@code import name} accepts. */
  public static boolean isPackageName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !PythonNames.KEYWORDS.contains(name);
  }

  /** The URL used when the variable is not set: an embedded SQLite file, or a local server. */
  public String defaultUrl() {
    return switch (dialect) {
      case SQLITE -> "sqlite:///" + packageName + ".db";
      case POSTGRESQL -> "postgresql://localhost/" + packageName;
    };
  }
}
