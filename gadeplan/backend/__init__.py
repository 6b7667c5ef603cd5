"""The reference municipal backend."""
