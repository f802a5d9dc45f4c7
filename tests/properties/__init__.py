"""Property and fuzz tests (hypothesis); the long runs are marked fuzz and run by .ci/run."""
