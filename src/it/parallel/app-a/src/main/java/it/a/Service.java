package it.a;

/** Java code beside the generated Python package: the package is not a Java source root. */
public final class Service {
  private Service() {}

  public static String name() {
    return "app_a";
  }
}
