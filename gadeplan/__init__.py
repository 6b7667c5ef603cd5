"""Gadeplan: an encrypted, offline-first field journal for street outreach work."""

__version__ = "0.1.0"
