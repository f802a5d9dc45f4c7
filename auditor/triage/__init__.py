"""After the audit: what a person or CI does with the findings. ``review`` keeps reviewers' decisions
(confirm, dismiss) by finding fingerprint, ``baseline`` the findings already known, and ``gate`` decides
which findings fail a CI run."""
