"""auditor: audits the goal follow-up reports (ILS-webb) of Stockholm's municipal committees."""

__version__ = "0.1.0"
