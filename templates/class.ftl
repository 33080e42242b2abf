<#-- One class: prints a ClassView bound to "class": header, docstring, sections with blank lines between. -->
${class.header}
<#list class.docstring as line>
${line}
</#list>
<#list class.sections as section>
<#if class.docstring?has_content || !section?is_first>

</#if>
<#list section as line>
${line}
</#list>
</#list>
