// regenerate-on-edit: an edited schema and a deleted file are both noticed and regenerated.
def log = new File(basedir, 'build.log').text
def pkg = new File(basedir, 'src/main/python/shop')
def runs = log.split(/(?m)^\[INFO\] BUILD SUCCESS$/)
assert runs.length == 5 : "four successful builds expected, log:\n$log"

assert runs[0].contains("sqlagen: ${pkg}: 10 written, 0 unchanged, 0 removed")
// The edit changes models.py; the revisions are the history's, not regenerated: generate warns
// that no revision covers the edit (sqlagen:revision writes it).
assert runs[1].contains("sqlagen: ${pkg}: 1 written, 7 unchanged, 0 removed")
assert runs[1].contains('warning[SQW006]: the schema changes the database, and no revision does that yet')
assert !runs[1].contains('is up to date')
// The deleted models.py is noticed through the manifest and written again.
assert runs[2].contains("sqlagen: ${pkg}: 1 written, 7 unchanged, 0 removed")
// Nothing changed, but no revision covers the edit yet: generate compiles again and says so again
// (it keeps no up-to-date state meanwhile), writing nothing.
assert runs[3].contains("sqlagen: ${pkg}: 0 written, 8 unchanged, 0 removed")
assert runs[3].contains('warning[SQW006]')
assert runs[3].contains('[WARNING]   mvn sqlagen:revision -Dsqlagen.message="what changed"')
assert !runs[3].contains('is up to date')

def models = new File(pkg, 'models.py').text
assert models.contains('note: Mapped[str | None]')
assert models.contains('Numeric(12, 2)')
true
