package dev.sqlagen.history;

import dev.sqlagen.history.RevisionModule.EnumVariable;
import dev.sqlagen.state.EnumState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code role_enum = postgresql.ENUM("owner", "admin", name="role", create_type=False)}. */
final class EnumVariables {
  private EnumVariables() {}

  static EnumVariable read(PyStatement.Assign assign, Set<String> imported) {
    String variable = ((PyNode.Name) assign.target()).id();
    PyNode.Call call = (PyNode.Call) assign.value();
    if (!imported.contains("postgresql")) {
      throw Unreadable.at(call.callee(), "postgresql.ENUM without 'from sqlalchemy.dialects import postgresql'");
    }
    if (assign.annotation().isPresent()) {
      throw Unreadable.at(assign.annotation().get(), "an annotation on an enum type variable, which sqlagen does not write");
    }
    Nodes.positional(call, 1, Integer.MAX_VALUE);
    Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("name", "create_type"), "name", "create_type");
    String name = Nodes.string(keywords.get("name"), "the name of the enum type");
    if (Nodes.bool(keywords.get("create_type"), "create_type")) {
      // op.create_table() would then create the type again, which sqlagen creates once, before.
      throw Unreadable.at(keywords.get("create_type"), "create_type=True, where sqlagen writes create_type=False");
    }
    List<String> values = new ArrayList<>();
    for (PyNode arg : call.args()) {
      String value = Nodes.string(arg, "a value of the enum type " + name);
      if (values.contains(value)) {
        throw Unreadable.at(arg, "the value " + arg.canonical() + " twice in the enum type " + name);
      }
      values.add(value);
    }
    return new EnumVariable(variable, new EnumState(name, values, Optional.empty()), assign);
  }
}
