package dev.sqlagen.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.TableState;
import dev.sqlagen.testing.Project;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the reader refuses, and where: a revision edited by hand, cut short, or not written by
 * sqlagen gives one SQD070 at the construct it did not understand, never an exception. And what
 * it accepts besides sqlagen's exact text: another layout of the same Python, and the database
 * defaults sqlagen is about to write.
 */
class InitialRevisionReaderTest {
  /** The blog example's first revision as the release without snapshots wrote it. */
  private static final String BLOG = Project.read(Project.dir().resolve("src/test/resources/legacy/blog/rev_0001_initial.py"));

  private static Diagnostic refused(String text) {
    InitialRevisionReader.Result result = InitialRevisionReader.read(new SourceFile("rev_0001_initial.py", text));
    assertThat(result.succeeded()).as("read although it should not be").isFalse();
    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic diagnostic = result.diagnostics().get(0);
    assertThat(diagnostic.code()).isEqualTo(Code.UNREADABLE_REVISION);
    assertThat(diagnostic.help()).contains(InitialRevisionReader.HELP);
    return diagnostic;
  }

  private static SchemaState read(String text) {
    InitialRevisionReader.Result result = InitialRevisionReader.read(new SourceFile("rev_0001_initial.py", text));
    assertThat(result.diagnostics()).as(result.diagnostics().stream().map(DiagnosticPrinter::format).toList().toString()).isEmpty();
    return result.state().orElseThrow();
  }

  private static void assertAt(Diagnostic diagnostic, int line, int column, String message) {
    assertThat(diagnostic.span().line()).as(diagnostic.toString()).isEqualTo(line);
    assertThat(diagnostic.span().column()).as(diagnostic.toString()).isEqualTo(column);
    assertThat(diagnostic.message()).contains(message);
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("'%s' in the revision", from).isNotNegative();
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  @Test
  void theBlogRevisionReadsAsItIs() {
    SchemaState state = read(BLOG);
    assertThat(state.tables()).extracting(TableState::name).containsExactly("users", "posts", "comments");
    assertThat(state.enums()).singleElement().satisfies(e -> assertThat(e.values()).containsExactly("draft", "inReview", "published", "archived"));
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkReadTheSame() {
    assertThat(read("\uFEFF" + BLOG.replace("\n", "\r\n"))).isEqualTo(read(BLOG));
  }

  @Test
  void anOperationAddedByHandIsReportedAtItsCall() {
    String edited = replaceOnce(BLOG, "    op.create_table(\n        \"posts\",",
        "    op.add_column(\"users\", sa.Column(\"age\", sa.Integer(), nullable=True))\n    op.create_table(\n        \"posts\",");
    Diagnostic diagnostic = refused(edited);
    assertAt(diagnostic, 50, 5, "op.add_column()");
    assertThat(diagnostic.span().length()).isEqualTo("op.add_column".length());
  }

  @Test
  void anUnknownTypeIsReportedAtTheType() {
    assertAt(refused(replaceOnce(BLOG, "sa.String(length=255)", "sa.VARCHAR(255)")), 33, 13, "sa.VARCHAR(...) as a column type");
    assertAt(refused(replaceOnce(BLOG, "sa.Column(\"bio\", sa.Text()", "sa.Column(\"bio\", sa.Text(collation=\"C\")")), 38, 34,
        "collation=");
  }

  @Test
  void aTruncatedFileIsReportedWhereItEnds() {
    String inStatement = BLOG.substring(0, BLOG.indexOf("sa.PrimaryKeyConstraint(\"id\", name=op.f(\"pk_users\"))") + 10);
    assertAt(refused(inStatement), 46, 19, "the file ends before the '(' opened on line 28 is closed");
    String inString = BLOG.substring(0, BLOG.indexOf("Login e-mail") + 5);
    assertAt(refused(inString), 35, 21, "a string that is not closed on its line");
    String betweenStatements = BLOG.substring(0, BLOG.indexOf("    op.create_table(\n        \"posts\","));
    assertAt(refused(betweenStatements), 50, 1, "the file ends before def downgrade()");
    assertAt(refused(""), 1, 1, "the file is empty");
  }

  @Test
  void anAlembicAutogenerateRevisionIsReportedAtItsFirstForeignLine() {
    String autogenerate = String.join("\n",
        "\"\"\"create users",
        "",
        "Revision ID: 1975ea83b712",
        "Revises: ",
        "Create Date: 2024-05-02 10:11:12.345678",
        "",
        "\"\"\"",
        "from typing import Sequence, Union",
        "",
        "from alembic import op",
        "import sqlalchemy as sa",
        "",
        "",
        "# revision identifiers, used by Alembic.",
        "revision: str = '1975ea83b712'",
        "down_revision: Union[str, None] = None",
        "branch_labels: Union[str, Sequence[str], None] = None",
        "depends_on: Union[str, Sequence[str], None] = None",
        "",
        "",
        "def upgrade() -> None:",
        "    # ### commands auto generated by Alembic - please adjust! ###",
        "    op.create_table('users',",
        "    sa.Column('id', sa.Integer(), nullable=False),",
        "    sa.Column('email', sa.String(length=255), nullable=False),",
        "    sa.PrimaryKeyConstraint('id')",
        "    )",
        "    # ### end Alembic commands ###",
        "",
        "",
        "def downgrade() -> None:",
        "    # ### commands auto generated by Alembic - please adjust! ###",
        "    op.drop_table('users')",
        "    # ### end Alembic commands ###",
        "");
    assertAt(refused(autogenerate), 8, 1, "the import 'from typing import Sequence, Union'");
    // Without that import, the single quotes are fine; the unnamed primary key is not.
    String withoutTyping = autogenerate.replace("from typing import Sequence, Union\n", "\n");
    assertAt(refused(withoutTyping), 26, 5, "sa.PrimaryKeyConstraint() without name=");
  }

  @Test
  void aRevisionThatFollowsAnotherIsNotAFirstRevision() {
    assertAt(refused(replaceOnce(BLOG, "down_revision: str | Sequence[str] | None = None", "down_revision: str | Sequence[str] | None = \"0000\"")),
        14, 45, "down_revision is \"0000\"");
  }

  @Test
  void whatTheDatabaseWouldRefuseIsRefused() {
    // The enum type is created after the table that uses it.
    String lateEnum = replaceOnce(BLOG, "    post_status_enum.create(op.get_bind(), checkfirst=False)\n", "");
    lateEnum = replaceOnce(lateEnum, "\n\n\ndef downgrade()", "\n    post_status_enum.create(op.get_bind(), checkfirst=False)\n\n\ndef downgrade()");
    assertAt(refused(lateEnum), 56, 29, "the enum type post_status is used before post_status_enum.create()");
    // An index on a table that is not there.
    assertAt(refused(replaceOnce(BLOG, "\"posts\", [\"author_id\"]", "\"post\", [\"author_id\"]")), 67, 49,
        "the table post, which is not created before");
    // A foreign key to a column no table has.
    assertAt(refused(replaceOnce(BLOG, "[\"users.id\"]", "[\"users.uid\"]")), 61, 28, "are not all columns of one table created before");
    // A table in a schema that is never created.
    String inventory = Project.read(Project.dir().resolve("src/test/resources/legacy/inventory/rev_0001_initial.py"));
    String noSchema = replaceOnce(inventory,
        "    if op.get_context().dialect.name != \"sqlite\":\n        op.execute(CreateSchema(\"stock\"))\n", "");
    assertAt(refused(noSchema), 33, 16, "in the schema stock, which is not created before it");
  }

  @Test
  void aCycleClosingKeyIsOneKeyWrittenTwice() {
    String relations = Revisions.compile(new SourceFile("relations.sqd",
        Project.read(Project.dir().resolve("src/test/resources/schemas/valid/relations.sqd"))), "app").revision();
    String guard = "    if op.get_context().dialect.supports_alter:\n";
    int start = relations.indexOf("    # Foreign keys that close a cycle");
    int end = relations.indexOf("\n\n\ndef downgrade()");
    assertThat(start).isPositive();
    // Inline only: PostgreSQL would never have it.
    Diagnostic neverAdded = refused(relations.substring(0, start) + "    pass" + relations.substring(end));
    assertThat(neverAdded.message()).contains("use_alter=True foreign key fk_persons_pinned_id_messages is never added");
    // Added only: SQLite would never have it, and on PostgreSQL CREATE TABLE refers to a table not there yet.
    String addedOnly = relations.replace(",\n            use_alter=True,\n", ",\n").replace(", use_alter=True", "");
    assertThat(refused(addedOnly).message()).contains("[\"messages.id\"] are not all columns of one table created before");
    // Added, but not the key the table declares.
    String undeclared = relations.substring(0, start) + relations.substring(start, end).replace("fk_persons_pinned_id_messages", "fk_other")
        + relations.substring(end);
    assertThat(refused(undeclared).message()).contains("fk_other, which the table persons does not declare with use_alter=True");
    // Added otherwise than declared.
    String other = relations.substring(0, start) + relations.substring(start, end).replace("[\"id\"]", "[\"sender_id\"]")
        + relations.substring(end);
    assertThat(refused(other).message()).contains("differs from the use_alter=True key");
    // Added outside its guard.
    String unguarded = relations.substring(0, start) + relations.substring(start, end).replace(guard, "    pass\n")
        .replace("\n        ", "\n    ") + relations.substring(end);
    assertThat(refused(unguarded).message()).contains("op.create_foreign_key() outside the if statement");
  }

  @Test
  void anotherLayoutOfTheSamePythonReadsTheSame() {
    String schema = String.join("\n",
        "/// Where a post is.",
        "enum Status { draft published }",
        "model User {",
        "  id     bigint       @pk",
        "  email  string(255)  @unique",
        "  status Status       = draft @index",
        "  joined datetime(tz) = now()",
        "  note   text?",
        "  @@index(desc(email), status)",
        "}",
        "");
    Revisions compiled = Revisions.compile(new SourceFile("layout.sqd", schema), "app");
    String relaid = String.join("\n",
        "'''Not the docstring sqlagen writes, and another quote.'''",
        "from alembic import op  # the imports in another order",
        "from sqlalchemy.dialects import postgresql",
        "import sqlalchemy as sa",
        "from collections.abc import Sequence",
        "revision = '0001'",
        "down_revision = None",
        "branch_labels = None",
        "depends_on = None",
        "status_enum = postgresql.ENUM('draft', \"publ\" 'ished', create_type=False, name='status')",
        "def upgrade():",
        "  status_enum.create(op.get_bind(), checkfirst=False)",
        "  op.create_table('users',",
        "    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),",
        "    sa.Column('email', sa.String(length=255), nullable=False),",
        "    sa.Column(\"status\", status_enum, nullable=False, server_default='draft'),",
        "    sa.Column('joined', sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),",
        "    sa.Column('note', sa.Text(), nullable=True),",
        "    sa.UniqueConstraint('email', name=op.f('uq_users_email')), sa.PrimaryKeyConstraint(",
        "      'id', name=op.f('pk_users'),",
        "    ),",
        "  )",
        "  op.create_index(op.f('ix_users_status'), 'users', ['status'], unique=False)",
        "  op.create_index(op.f(\"ix_users_\\x65mail_status\"), 'users', [sa.text('email DESC'), 'status'], unique=False)",
        "def downgrade():",
        "  pass",
        "");
    assertThat(read(relaid)).isEqualTo(compiled.expected());
    assertThat(read(compiled.revision())).isEqualTo(compiled.expected());
  }

  @Test
  void theDatabaseDefaultsAboutToBeWrittenAreRead() {
    String columns = String.join("\n",
        "        sa.Column(\"price\", sa.Numeric(precision=8, scale=2), server_default=sa.text(\"12.50\"), nullable=False),",
        "        sa.Column(\"delta\", sa.Integer(), server_default=sa.text(\"-3\"), nullable=False),",
        "        sa.Column(\"settings\", sa.JSON(), server_default=sa.text(\"'{}'\"), nullable=False),",
        "        sa.Column(\"label\", sa.String(length=20), server_default=\"it's\", nullable=False),",
        "        sa.Column(\"state\", post_status_enum, server_default=\"inReview\", nullable=False),",
        "        sa.Column(\"on\", sa.Boolean(), server_default=sa.true(), nullable=False),",
        "        sa.Column(\"off\", sa.Boolean(), server_default=sa.false(), nullable=False),",
        "        sa.Column(\"day\", sa.Date(), server_default=sa.func.current_date(), nullable=False),",
        "        sa.Column(\"at\", sa.Time(), server_default=sa.func.current_time(), nullable=False),",
        "");
    String edited = replaceOnce(BLOG, "        sa.Column(\"bio\", sa.Text(), nullable=True),\n", columns);
    TableState users = read(edited).table("users").orElseThrow();
    assertThat(users.columns()).filteredOn(c -> c.serverDefault().isPresent())
        .extracting(ColumnState::name, ColumnState::serverDefault)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("price", Optional.of(new ColumnDefault.Number("12.50"))),
            org.assertj.core.groups.Tuple.tuple("delta", Optional.of(new ColumnDefault.Number("-3"))),
            org.assertj.core.groups.Tuple.tuple("settings", Optional.of(new ColumnDefault.Sql("'{}'"))),
            org.assertj.core.groups.Tuple.tuple("label", Optional.of(new ColumnDefault.Text("it's"))),
            org.assertj.core.groups.Tuple.tuple("state", Optional.of(new ColumnDefault.EnumMember("post_status", "inReview"))),
            org.assertj.core.groups.Tuple.tuple("on", Optional.of(new ColumnDefault.Bool(true))),
            org.assertj.core.groups.Tuple.tuple("off", Optional.of(new ColumnDefault.Bool(false))),
            org.assertj.core.groups.Tuple.tuple("day", Optional.of(new ColumnDefault.Now())),
            org.assertj.core.groups.Tuple.tuple("at", Optional.of(new ColumnDefault.Now())),
            org.assertj.core.groups.Tuple.tuple("joined_at", Optional.of(new ColumnDefault.Now())));
    // A value the enum type does not have, and now() where the column type asks for another.
    assertThat(refused(edited.replace("server_default=\"inReview\"", "server_default=\"inreview\"")).message())
        .contains("no value of the enum type post_status");
    assertThat(refused(edited.replace("sa.func.current_date()", "sa.func.now()")).message())
        .contains("where sqlagen writes sa.func.current_date()");
  }
}
