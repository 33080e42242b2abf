<%!
import re


def literal(value):
    """Python for a revision id, a tuple of them or None, quoted as ruff formats it."""
    text = repr(value)
    return text if '"' in text else text.replace("'", '"')


def third_party_imports(upgrades, downgrades, imports):
    """The imports the revision uses: none in an empty one (ruff's F401)."""
    code = f"{upgrades or ''}\n{downgrades or ''}"
    lines = []
    if re.search(r"\bsa\.", code):
        lines.append("import sqlalchemy as sa")
    if re.search(r"\bop\.", code):
        lines.append("from alembic import op")
    if imports:
        lines.append(imports)
    return "\n".join(lines)
%>"""${message}

Revision ID: ${up_revision}
Revises:${" " + comma(down_revision) if down_revision else ""}
"""

from collections.abc import Sequence
% if third_party_imports(upgrades, downgrades, imports):

${third_party_imports(upgrades, downgrades, imports)}
% endif

revision: str = ${literal(up_revision)}
down_revision: str | Sequence[str] | None = ${literal(down_revision)}
branch_labels: str | Sequence[str] | None = ${literal(branch_labels)}
depends_on: str | Sequence[str] | None = ${literal(depends_on)}


def upgrade() -> None:
    """Upgrade schema."""
% if upgrades:
    ${upgrades}
% endif


def downgrade() -> None:
    """Downgrade schema."""
% if downgrades:
    ${downgrades}
% endif
