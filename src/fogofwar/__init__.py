"""fogofwar: reads war reporting and keeps a sourced, geolocated, contradiction-aware ledger of what happened."""

__version__ = "0.1.0"
