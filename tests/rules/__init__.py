"""The rules: every rule's examples, one planted problem per rule, and the wording of findings."""
