"""What autogenerate compares for the corpus entry sakila_pg (read by env.py).

The tables that INHERIT from payment are not models: PostgreSQL reflects each as a
table of its own, so they are left out of `alembic check` here, as a user adopting
this database would (issue 14, item 6). Views, functions, triggers and rules need
nothing: Alembic does not reflect them.
"""

from __future__ import annotations

from collections.abc import Mapping

OUT_OF_SCOPE_PREFIX = "payment_p2007_"


def include_name(
    name: str | None, type_: str, parent_names: Mapping[str, str | None]
) -> bool:
    """Leave the tables that INHERIT from payment out of the comparison."""
    if type_ == "table" and name is not None:
        return not name.startswith(OUT_OF_SCOPE_PREFIX)
    return True
