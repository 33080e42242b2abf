// regenerate-on-edit: an edited schema and a deleted file are both noticed and regenerated.
def log = new File(basedir, 'build.log').text
def pkg = new File(basedir, 'src/main/python/shop')
def runs = log.split(/(?m)^\[INFO\] BUILD SUCCESS$/)
assert runs.length == 5 : "four successful builds expected, log:\n$log"

assert runs[0].contains("sqlagen: ${pkg}: 9 written, 0 unchanged, 0 removed")
// The edit changes models.py (the first migration is kept as it is, with a warning).
assert runs[1].contains("sqlagen: ${pkg}: 1 written, 7 unchanged, 0 removed, 1 kept")
assert runs[1].contains('migrations are never rewritten')
assert !runs[1].contains('is up to date')
// The deleted models.py is noticed through the manifest and written again.
assert runs[2].contains("sqlagen: ${pkg}: 1 written, 7 unchanged, 0 removed, 1 kept")
assert runs[3].contains("sqlagen: ${pkg} is up to date")

def models = new File(pkg, 'models.py').text
assert models.contains('note: Mapped[str | None]')
assert models.contains('Numeric(12, 2)')
true
