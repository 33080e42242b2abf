// check-stale: the check goal failed the build with a diff and the regenerate command (and the
// revision the edit needs), and wrote nothing.
def log = new File(basedir, 'build.log').text
def pkg = new File(basedir, 'src/main/python/shop')
def schema = new File(basedir, 'src/main/sqd/shop.sqd')

assert log.contains("sqlagen: ${pkg}: 10 written")
assert log.contains('[ERROR] --- a/models.py')
assert log.contains('+++ b/models.py')
assert log.contains('-    total: Mapped[Decimal] = mapped_column(Numeric(10, 2))')
assert log.contains('+    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))')
assert log.contains('+    note: Mapped[str | None]')
assert log.contains("[ERROR] changed:\n[ERROR]   ${pkg}/models.py")
assert log.contains("[ERROR] sqlagen: ${pkg} is out of date with the schema; regenerate it with:")
assert log.contains('[ERROR]   mvn sqlagen:generate')
assert log.contains("[ERROR]   or: sqlagen ${schema} -o ${pkg}")
assert log.count('BUILD FAILURE') == 2
assert log.count("[ERROR] sqlagen: ${pkg} is out of date") == 2
assert log =~ /--- sqlagen:[^:]+:check \(default-cli\)/
// The edit changes the database too, and no revision covers it: the check says so with the stale files.
assert log.count("[ERROR] sqlagen: no revision covers the changes of the schema ${schema}; write the next revision (it regenerates the package too) with:\n"
    + '[ERROR]   mvn sqlagen:revision -Dsqlagen.message="what changed"') == 2

// check writes nothing: models.py is still the first schema's.
assert new File(pkg, 'models.py').text.contains('Numeric(10, 2)')
true
