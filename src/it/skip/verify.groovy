// skip: -Dsqlagen.skip=true: both goals say so, and nothing is generated.
def log = new File(basedir, 'build.log').text
assert log.count('[INFO] sqlagen: skipped (sqlagen.skip)') == 2
assert !new File(basedir, 'src/main/python').exists()
assert !new File(basedir, 'target/sqlagen').exists()
true
