"""The annotation pipeline: spaCy plus fogofwar's registered components (see ``components``)."""

from fogofwar.pipeline.runner import DEFAULT_MODEL, Annotator, load_pipeline

__all__ = ["DEFAULT_MODEL", "Annotator", "load_pipeline"]
