package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;

/** A literal or call written in a default or an attribute argument. */
public sealed interface Value {
  Span span();

  /** How the value reads in a message, close to how it was written. */
  String describe();

  /** A number as written, such as {@code 0}, {@code -3} or {@code 9.99}. */
  record NumberValue(String text, Span span) implements Value {
    public NumberValue {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(span, "span");
    }

    public boolean isInteger() {
      return text.indexOf('.') < 0;
    }

    @Override
    public String describe() {
      return text;
    }
  }

  /** A string literal, already unescaped. */
  record StringValue(String value, Span span) implements Value {
    public StringValue {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public String describe() {
      return "a string";
    }
  }

  /** A bare name: {@code true}, {@code false}, an enum member, a column. */
  record NameValue(String name, Span span) implements Value {
    public NameValue {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public String describe() {
      return "'" + name + "'";
    }
  }

  /**
   * A call such as {@code now()}, {@code uuid4()}, {@code sql("CURRENT_DATE")} or
   * {@code sql(postgresql: "now()")}: positional arguments, then named ones.
   */
  record CallValue(String function, List<Value> args, List<NamedArg> named, Span span) implements Value {
    public CallValue {
      Objects.requireNonNull(function, "function");
      args = List.copyOf(args);
      named = List.copyOf(named);
      Objects.requireNonNull(span, "span");
    }

    /** A call with positional arguments only. */
    public CallValue(String function, List<Value> args, Span span) {
      this(function, args, List.of(), span);
    }

    /** The value of the named argument {@code key}, if given (the first, if given twice). */
    public java.util.Optional<Value> namedArg(String key) {
      return NamedArg.find(named, key);
    }

    @Override
    public String describe() {
      return "'" + function + "(...)'";
    }
  }
}
