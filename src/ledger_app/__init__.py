"""Grassroots Ledger (基层台账): an offline ledger for grassroots organisations."""

__version__ = "0.1.0"
