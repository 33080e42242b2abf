<#-- alembic.ini: prints DataLayerView (dev.sqlagen.plan). Alembic's own %-interpolation needs %% for a literal %. -->
<#list view.iniHeader as line>
${line}
</#list>

[alembic]
script_location = %(here)s/migrations
# The package's parent directory, so that env.py can import ${view.packageName}.
prepend_sys_path = %(here)s/..
path_separator = os
# Revision files start with a letter, so that type checkers accept them as modules.
file_template = rev_%%(rev)s_%%(slug)s

[post_write_hooks]
# ruff fixes and formats each new revision: autogenerate writes single quotes
# and imports it may not use. Alembic fails `alembic revision` when a hook's
# tool is missing, so the hooks are off; with ruff installed next to alembic
# (pip install ruff), uncomment the next line.
# hooks = ruff_fix, ruff_format
ruff_fix.type = module
ruff_fix.module = ruff
ruff_fix.options = check --fix REVISION_SCRIPT_FILENAME
ruff_format.type = module
ruff_format.module = ruff
ruff_format.options = format REVISION_SCRIPT_FILENAME

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console
qualname =

[logger_sqlalchemy]
level = WARNING
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
