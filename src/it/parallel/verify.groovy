// parallel: every module generated and checked its package under -T4, without a thread-safety warning.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /(?i)using the MultiThreadedBuilder implementation with a thread count of 4/
assert !(log =~ /(?i)thread.?safe/) : 'Maven warned about thread safety'

[a: 'DATABASE_URL', b: 'DATABASE_URL', c: 'APP_C_DATABASE_URL'].each { m, variable ->
  def pkg = new File(basedir, "app-$m/src/main/python/app_$m")
  assert log.contains("sqlagen: ${pkg}: 10 written, 0 unchanged, 0 removed") : "app-$m was not generated"
  assert log.contains("sqlagen: ${pkg} is up to date") : "app-$m was not checked"
  assert new File(pkg, 'models.py').isFile()
  assert new File(pkg, 'database.py').text.contains(variable)
}
assert new File(basedir, 'app-b/src/main/python/app_b/database.py').text.contains('"postgresql://localhost/app_b"')
assert !new File(basedir, 'app-c/src/main/python/app_c/session.py').text.toLowerCase().contains('async')

// The Java module compiled its class, and no Python went into its classes or its jar.
assert new File(basedir, 'app-a/target/classes/it/a/Service.class').isFile()
def py = []
new File(basedir, 'app-a/target/classes').eachFileRecurse { if (it.name.endsWith('.py')) py << it }
assert py.isEmpty() : "Python in target/classes: $py"
def jar = new java.util.jar.JarFile(new File(basedir, 'app-a/target/app-a-1.0.jar'))
try {
  assert !jar.entries().toList().any { it.name.endsWith('.py') }
} finally {
  jar.close()
}
true
