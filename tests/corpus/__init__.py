"""The shared corpus (../shared): findings against the gold, every format on real reports."""
