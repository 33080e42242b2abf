// check-uncovered-change: with the package regenerated after a schema edit, generate warned on
// every build and check failed on the revision alone, naming the command that writes it; nothing
// wrote a revision.
def log = new File(basedir, 'build.log').text
def pkg = new File(basedir, 'src/main/python/shop')
def schema = new File(basedir, 'src/main/sqd/shop.sqd')

assert log.count('BUILD SUCCESS') == 2
assert log.count('BUILD FAILURE') == 2
assert log.contains("sqlagen: ${pkg}: 10 written, 0 unchanged, 0 removed")
assert log.contains("sqlagen: ${pkg}: 1 written, 7 unchanged, 0 removed")

// generate (runs 2 and 4): the warning, in Maven's words, and the commands.
def warning = "[WARNING] ${schema}:11:7: warning[SQW006]: the schema changes the database, and no revision does that yet (the last is revision 0001)"
assert log.count(warning) == 4 : 'generate and check, twice each, should say SQW006'
assert log.contains('= help: write the next revision: mvn sqlagen:revision -Dsqlagen.message="what changed" (docs/migrations.md)')
assert log.count("[WARNING] sqlagen: no revision covers the changes of the schema ${schema}; write the next revision (it regenerates the package too) with:\n"
    + '[WARNING]   mvn sqlagen:revision -Dsqlagen.message="what changed"\n'
    + "[WARNING]   or: sqlagen revision ${schema} -o ${pkg} -m \"what changed\"") == 2
assert log.contains("sqlagen: ${pkg}: 0 written, 8 unchanged, 0 removed") : 'run 4 should compile again, not find the package up to date'

// check (runs 3 and 4): fails on the revision alone, the package being up to date.
assert log.count("[ERROR] sqlagen: no revision covers the changes of the schema ${schema}; write the next revision (it regenerates the package too) with:\n"
    + '[ERROR]   mvn sqlagen:revision -Dsqlagen.message="what changed"') == 2
def failure = "sqlagen: no revision covers the changes of the schema ${schema}; write the next revision with: " +
    "mvn sqlagen:revision -Dsqlagen.message=\"what changed\", or: sqlagen revision ${schema} -o ${pkg} -m \"what changed\""
assert log =~ /\[ERROR\] Failed to execute goal [^ ]+:check \(default-cli\) on project check-uncovered-change: \Q${failure}\E/
assert log =~ /\[ERROR\] Failed to execute goal [^ ]+:check \(default\) on project check-uncovered-change: \Q${failure}\E/
assert !log.contains('out of date')
assert !log.contains('is up to date')

// No revision was written, and the package is the edited schema's.
def versions = new File(pkg, 'migrations/versions').listFiles().findAll { it.isFile() }*.name.sort()
assert versions == ['rev_0001_initial.py', 'rev_0001_initial.snapshot.jsonl']
assert new File(pkg, 'models.py').text.contains('note: Mapped[str | None]')
true
