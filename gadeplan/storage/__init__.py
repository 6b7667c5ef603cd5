"""The encrypted store: keys and profiles, the SQLCipher database, migrations, repositories and
the outbox. All SQL of the client lives here."""
