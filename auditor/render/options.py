"""How a renderer reads its options: an argparse Namespace, a dataclass, a dict or nothing."""
from __future__ import annotations

from typing import Any


def opt(options: Any, name: str, default: Any = None) -> Any:
    """Read an option from an argparse Namespace, a dataclass, a dict or None, with a default."""
    if options is None:
        return default
    if isinstance(options, dict):
        value = options.get(name, default)
    else:
        value = getattr(options, name, default)
    return default if value is None else value
