"""Pure domain types and rules. Imports nothing of the project, so every layer may use it."""
