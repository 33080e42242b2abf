// revision-after-edit: sqlagen:revision wrote the second revision and its snapshot after the
// committed first one, a second run wrote nothing, and the check passed.
import groovy.json.JsonSlurper
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def pkg = new File(basedir, 'src/main/python/shop')
def versions = new File(pkg, 'migrations/versions')
def runs = log.split(/(?m)^\[INFO\] BUILD SUCCESS$/)
assert runs.length == 7 : "six successful builds expected, log:\n$log"
assert !log.contains('BUILD FAILURE')

def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def snapshotHeader = { File f -> new JsonSlurper().parseText(f.readLines('UTF-8')[0]) }

// 1: the package written around the committed revision, which covers the schema.
assert runs[0].contains("sqlagen: ${pkg}: 8 written, 0 unchanged, 0 removed")
assert !runs[0].contains('SQW006')
assert runs[0].contains("sqlagen: ${pkg} is up to date")

// 3: the revision, its snapshot and the package regenerated.
def written = versions.listFiles().findAll { it.isFile() }*.name.sort()
assert written.size() == 4 : "two revisions and their snapshots expected: $written"
assert written[0] == 'rev_0001_initial.py' && written[1] == 'rev_0001_initial.snapshot.jsonl'
assert written[2] ==~ /rev_0002_[0-9a-f]{8}_add_order_notes\.py/
assert written[3] == written[2].replace('.py', '.snapshot.jsonl')
def revision = new File(versions, written[2])
def id = written[2].substring('rev_'.length(), 'rev_0002_12345678'.length())
def text = revision.getText('UTF-8')
assert text.startsWith("\"\"\"Add order notes\n\nRevision ID: ${id}\nRevises: 0001\n\"\"\"\n")
assert text.contains("revision: str = \"${id}\"")
assert text.contains('down_revision: str | Sequence[str] | None = "0001"')
assert text.contains('op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))')
assert text.contains('op.drop_column("orders", "note")')
assert runs[2].contains("[INFO] sqlagen: ${pkg}: 3 written, 7 unchanged, 0 removed")
assert runs[2].contains("[INFO] sqlagen: wrote revision ${revision}")
assert !runs[2].contains('[WARNING]') && !runs[2].contains('[ERROR]')
assert new File(pkg, 'models.py').getText('UTF-8').contains('note: Mapped[str | None]')

def snapshot = new File(versions, written[3])
def header = snapshotHeader(snapshot)
assert header.sqlagen == 'snapshot'
assert header.revision == id
assert header.down_revisions == ['0001']
assert header.revision_sha256 == sha256(revision)
assert snapshot.readLines('UTF-8').any { it.contains('"column":"note"') && it.contains('"table":"orders"') }
// The committed revision is as it was committed.
assert snapshotHeader(new File(versions, written[1])).revision_sha256 == sha256(new File(versions, written[0]))

// 4: nothing changed since: nothing written, and it says so.
assert runs[3].contains("sqlagen: ${pkg}: 0 written, 8 unchanged, 0 removed")
assert runs[3].contains('[INFO] sqlagen: the database the schema describes is the one the last revision leads to; no revision was written')

// 5: the check alone passes; 6: so does the build.
assert runs[4] =~ /--- sqlagen:[^:]+:check \(default-cli\)/
assert runs[4].contains("[INFO] sqlagen: ${pkg} is up to date")
assert runs[5].contains("sqlagen: ${pkg}: 0 written, 8 unchanged, 0 removed")
assert runs[5] =~ /--- sqlagen:[^:]+:check \(default\)/
assert runs[5].contains("[INFO] sqlagen: ${pkg} is up to date")
assert !runs[5].contains('[WARNING]')
true
