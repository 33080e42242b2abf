<#-- models.py: prints ModelsModuleView (dev.sqlagen.plan). Every line is decided by the plan. -->
<#list view.docstring as line>
${line}
</#list>

from __future__ import annotations

<#list view.imports as line>
${line}
</#list>
<#list view.enums as class>


<#include "class.ftl">
</#list>
<#list view.helpers as helper>


<#list helper as line>
${line}
</#list>
</#list>


<#assign class = view.base>
<#include "class.ftl">
<#list view.tables as table>


<#list table as line>
${line}
</#list>
</#list>
<#list view.mixins as class>


<#include "class.ftl">
</#list>
<#list view.classes as class>


<#include "class.ftl">
</#list>
