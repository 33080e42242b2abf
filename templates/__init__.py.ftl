<#-- __init__.py: prints InitModuleView (dev.sqlagen.plan). -->
<#list view.docstring as line>
${line}
</#list>

<#list view.imports as line>
${line}
</#list>

<#list view.all as line>
${line}
</#list>
