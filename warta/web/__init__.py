"""The web UI and REST API over a Warta store (``warta serve``).

    >>> from warta.web import create_app
    >>> app = create_app("warta.db")                      # doctest: +SKIP

Pages are server-rendered (Jinja2, autoescaped); each has a JSON twin under ``/api``; both
call the query functions in :mod:`warta.store.web_queries`. See ``docs/web.md``.
"""

from warta.web.app import create_app, serve

__all__ = ["create_app", "serve"]
