package dev.sqlagen.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Python statement of the subset revisions are written in. Offsets cover the statement's first
 * line (for {@code def} and {@code if}, their header).
 */
sealed interface PyStatement {
  int start();

  int end();

  /** An expression on its own: a call, or a docstring. */
  record Expr(PyNode value, int start, int end) implements PyStatement {
    public Expr {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code target[: annotation] = value}. */
  record Assign(PyNode target, Optional<PyNode> annotation, PyNode value, int start, int end) implements PyStatement {
    public Assign {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(annotation, "annotation");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code import module [as alias]}. */
  record Import(String module, Optional<String> alias, int start, int end) implements PyStatement {
    public Import {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(alias, "alias");
    }
  }

  /** {@code from module import name, ...}. */
  record FromImport(String module, List<String> names, int start, int end) implements PyStatement {
    public FromImport {
      Objects.requireNonNull(module, "module");
      names = List.copyOf(names);
    }
  }

  /**
   * {@code def name([**keywords: annotation]) [-> returns]:} and its body; the functions of a
   * revision take no parameters, but the helper of per-database defaults takes keywords.
   */
  record Def(String name, Optional<Keywords> keywords, Optional<PyNode> returns, List<PyStatement> body, int start, int end)
      implements PyStatement {
    public Def {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(keywords, "keywords");
      Objects.requireNonNull(returns, "returns");
      body = List.copyOf(body);
    }
  }

  /** A {@code **name: annotation} parameter. */
  record Keywords(String name, PyNode annotation) {
    public Keywords {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(annotation, "annotation");
    }
  }

  /** {@code return value}. */
  record Return(PyNode value, int start, int end) implements PyStatement {
    public Return {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code if test:} and its body (revisions have no {@code else}). */
  record If(PyNode test, List<PyStatement> body, int start, int end) implements PyStatement {
    public If {
      Objects.requireNonNull(test, "test");
      body = List.copyOf(body);
    }
  }

  /** {@code pass}. */
  record Pass(int start, int end) implements PyStatement {}
}
