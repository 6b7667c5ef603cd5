"""Use-case services: what the window and the command line can do with a profile."""
