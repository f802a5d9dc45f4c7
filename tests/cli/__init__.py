"""The command line end to end: commands, languages, batches, paths, determinism, and the README kept true."""
