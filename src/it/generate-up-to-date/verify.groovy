// generate-up-to-date: the package exists, a second build wrote nothing, check passed.
import java.nio.file.*

def log = new File(basedir, 'build.log').text
def pkg = new File(basedir, 'src/main/python/shop')

['__init__.py', 'models.py', 'database.py', 'session.py', 'py.typed', 'alembic.ini', '.sqlagen-manifest',
 'migrations/env.py', 'migrations/versions/rev_0001_initial.py', 'migrations/versions/rev_0001_initial.snapshot.jsonl'].each {
  assert new File(pkg, it).isFile() : "missing $it"
}
assert new File(pkg, 'models.py').text.contains('class Order(Base):')

// Run 1 generated, runs 2 and 3 found the package up to date (and the check too).
assert log.contains("sqlagen: ${pkg}: 10 written, 0 unchanged, 0 removed")
assert log.count("sqlagen: ${pkg} is up to date") >= 3 : 'generate twice and check once should find it up to date'
assert log =~ /--- sqlagen:[^:]+:check \(default\)/

// Run 2 backdated every file to 2001 before sqlagen ran: a write would have a newer time.
def newer = []
pkg.eachFileRecurse { f -> if (f.isFile() && f.lastModified() != 978307200000L) newer << f }
assert newer.isEmpty() : "written although up to date: $newer"

// Nothing outside the package, but the state file under target/sqlagen (antrun keeps its own files in target/antrun).
def expected = ['pom.xml', 'invoker.properties', 'verify.groovy', 'build.log', 'src/main/sqd/shop.sqd']
def stray = []
basedir.eachFileRecurse { f ->
  def rel = basedir.toPath().relativize(f.toPath()).toString()
  if (f.isFile() && !(rel in expected) && !rel.startsWith('src/main/python/shop/')
      && !(rel ==~ /target\/sqlagen\/generate-[0-9a-f]{16}\.state/) && !rel.startsWith('target/antrun/')) {
    stray << rel
  }
}
assert stray.isEmpty() : "files written outside the package: $stray"
true
