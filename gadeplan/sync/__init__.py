"""Qt-free sync: wire schemas, HTTP transport and the engine (push, pull, merge)."""
