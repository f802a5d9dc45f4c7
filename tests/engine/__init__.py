"""The engine: experta shim, the rule catalogue's checks, the findings model, review and baseline."""
