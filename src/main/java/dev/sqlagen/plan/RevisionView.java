package dev.sqlagen.plan;

import java.util.List;

/**
 * What templates/revision.py.ftl prints: an Alembic revision, every line decided.
 *
 * @param docstring the module docstring (message, revision id, parent)
 * @param imports the third-party import lines
 * @param identity the revision, down_revision, branch_labels and depends_on lines
 * @param enums the enum type variables with the comment above them (empty when no step uses an enum)
 * @param helpers the module-level helper the operations call ({@code per_database}), or none
 * @param upgrade the body of upgrade()
 * @param downgrade the body of downgrade()
 */
public record RevisionView(
    List<String> docstring,
    List<String> imports,
    List<String> identity,
    List<String> enums,
    List<String> helpers,
    List<String> upgrade,
    List<String> downgrade) {
  public RevisionView {
    docstring = List.copyOf(docstring);
    imports = List.copyOf(imports);
    identity = List.copyOf(identity);
    enums = List.copyOf(enums);
    helpers = List.copyOf(helpers);
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
  }
}
