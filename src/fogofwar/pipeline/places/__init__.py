"""Places: find every toponym, resolve it offline to coordinates with a precision, and say what part it plays
(``detect`` finds them, ``component`` resolves them and gives each its role)."""

from fogofwar.pipeline.places.component import PlacesComponent

__all__ = ["PlacesComponent"]
