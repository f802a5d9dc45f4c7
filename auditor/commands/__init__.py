"""One module per CLI command; each exposes ``register(subparsers)``.

Modules here are loaded by name with ``importlib``, in one way: ``start`` loads ``cli`` once its Ctrl-C
guard holds, and ``cli.command_module`` loads the chosen command only (``cli.COMMANDS``, and
``review_serve``), so ``auditor --version`` and ``--help`` import no command and a light command none of
the heavy ones' modules. Everything else is imported at the top of a module, but for optional heavy
libraries (pandas, python-docx, pypdf, pypdfium2, jinja2, starlette, uvicorn, rich), loaded where used.
"""
