<#-- An Alembic revision: prints RevisionView (dev.sqlagen.plan). -->
<#list view.docstring as line>
${line}
</#list>

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

<#list view.identity as line>
${line}
</#list>
<#if view.enums?has_content>

# Enum types are created and dropped here, once each. Bound to a MetaData of their own,
# they are not created again by each op.create_table() that uses them.
enum_types = sa.MetaData()
<#list view.enums as line>
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
