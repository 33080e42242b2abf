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
