// schema-error: the build failed with the diagnostic as the CLI prints it, and nothing was written.
def log = new File(basedir, 'build.log').text
def schema = new File(basedir, 'src/main/sqd/shop.sqd')
assert log.contains("[ERROR] ${schema}:4:11: error[SQD012]: unknown type 'Ordr'")
assert log.contains('4 |   orders  Ordr[]')
assert log.contains("= help: did you mean 'Order'?")
assert log.contains('sqlagen: 1 error in the schema; nothing was written')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'src/main/python').exists()
assert !new File(basedir, 'target/sqlagen').exists()
true
