"""Facts derived from the model: count claims, direction, indicator status."""
