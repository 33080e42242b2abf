package dev.sqlagen.bench;

/** The yardstick of start-up: a JVM that prints one line and exits (run from bench/target/classes). */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
