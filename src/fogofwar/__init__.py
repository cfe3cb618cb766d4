"""fogofwar: reads war reporting and keeps a sourced, geolocated, contradiction-aware ledger of what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from fogofwar.ledger import Ledger


def __getattr__(name: str) -> Any:
    # ``fogofwar.Ledger`` without importing the ledger (and pandas, spaCy) on ``import fogofwar``.
    if name == "Ledger":
        from fogofwar.ledger import Ledger

        return Ledger
    raise AttributeError(f"module 'fogofwar' has no attribute {name!r}")


__all__ = ["Ledger", "__version__"]
