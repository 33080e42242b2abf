<#-- An Alembic revision: prints RevisionView (dev.sqlagen.plan). -->
<#list view.docstring as line>
${line}
</#list>

from collections.abc import Sequence

<#list view.imports as line>
${line}
</#list>

<#list view.identity as line>
${line}
</#list>
<#if view.enums?has_content>

<#list view.enums as line>
${line}
</#list>
</#if>
<#if view.helpers?has_content>


<#list view.helpers as line>
${line}
</#list>
</#if>


def upgrade() -> None:
    """Upgrade schema."""
<#list view.upgrade as line>
${line}
</#list>


def downgrade() -> None:
    """Downgrade schema."""
<#list view.downgrade as line>
${line}
</#list>
