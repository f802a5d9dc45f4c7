"""The review workspace (auditor review serve): decisions, safety, the page image, the browser walk."""
