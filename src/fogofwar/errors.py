"""fogofwar's exception types: every error a user can meet says what went wrong and what to do."""

from __future__ import annotations


class FogOfWarError(Exception):
    """Base class of every error fogofwar raises on purpose; the CLI prints its message on one line."""


class ReadError(FogOfWarError):
    """A source could not be read into articles: the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RecordError(FogOfWarError):
    """Data does not fit the article record's shape (wrong schema version, a missing or ill-typed field)."""


class PipelineError(FogOfWarError):
    """The annotation pipeline could not be built or run (a missing model, an unknown component)."""


class GoldError(FogOfWarError):
    """A gold file is malformed or names an article that cannot be found."""


class LedgerError(FogOfWarError):
    """The ledger cannot be opened, migrated or queried as asked (a bad path or URL, a newer schema, a bad filter)."""


class LedgerUnavailable(LedgerError):  # noqa: N818 - reads as the state it reports, like the HTTP status it maps to
    """The database failed under a statement (the connection was lost or ended, the file is locked, the disk full):
    nothing is wrong with the request; the transaction under way was rolled back, and running it again resumes."""


class GazetteerError(FogOfWarError):
    """The offline gazetteer index could not be built or opened (a read-only cache folder, a corrupt file)."""


class ExportError(FogOfWarError):
    """An export cannot be written as asked (an unknown format, a file that cannot be written)."""


class WebError(FogOfWarError):
    """The web server refuses to start as configured (writable on a public address without a token, a bad token)."""


class SchedulerError(FogOfWarError):
    """Annotation cannot be sent to a Dask cluster (Dask not installed, the scheduler unreachable, no worker)."""
