"""The review workspace (``auditor review serve``): a local web application where the audit office reads each
finding beside the passage of the report it is about, and confirms or dismisses it in place.

Modules, one job each: ``workspace`` (the audited batch and the review file it decides into), ``passage`` (the
report's own lines around a finding), ``page_image`` (a PDF page region with the row boxed), ``views`` (what
the pages show), ``server`` (the Starlette application: routes, token, headers) and ``serve`` (binding and
running it with uvicorn). Decisions go through ``auditor.triage.review`` -- the same model, lock and atomic writer as
``auditor review`` -- so ``auditor audit --review`` reads them exactly as decisions made on the command line.
"""
