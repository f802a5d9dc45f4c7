"""Every file auditor writes goes through this package, whatever the command and the format.

- ``destination``: what stands at an output path (a regular file, a new path, a symlink and what it points
  to, a character device, a FIFO, ``-`` for standard output, a folder) and the refusals, before any work;
- ``write``: writing to it without harming what is there: a regular file is replaced atomically, a symlink
  is written through, a device or FIFO is streamed into, never renamed over;
- ``own_outputs``: the command's own outputs, which a folder scan must not read as reports.

The package imports only the standard library (and the error catalogue when refusing), so that the
commands can check their destinations before the heavy imports.
"""
from __future__ import annotations

from .destination import (STDOUT, Target, check_file_destination, check_folder_destination, classify,
                          make_parents)
from .own_outputs import OwnOutputs
from .write import open_output, write_file, write_folder

__all__ = ["STDOUT", "Target", "check_file_destination", "check_folder_destination", "classify", "make_parents",
           "OwnOutputs", "open_output", "write_file", "write_folder"]
