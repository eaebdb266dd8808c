"""fighterflows: published estimates of foreign fighters, extracted, stored and reconciled."""

__version__ = "0.1.0"
