"""Every fogofwar pipeline component, registered with spaCy under its name, in pipeline order.

Importing this module registers the factories, so ``nlp.add_pipe("fogofwar_dates")`` works in any spaCy pipeline.
Each component is a ``Doc -> Doc`` callable that says what it reads and writes (``DOC_ATTRIBUTES``).
"""

from __future__ import annotations

from fogofwar.pipeline.extensions import register_extensions

register_extensions()

#: Our components, in the order they run: each may read what an earlier one wrote (DESIGN.md, "The flow of data").
#: Extractors are added here as they land.
COMPONENTS: tuple[str, ...] = ()
