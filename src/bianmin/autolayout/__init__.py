"""Automatic layout (issue 13): complete a hall into a plan that passes the rules.

No Qt here.  ``api.layout(plan, only)`` returns a new plan with what was missing added;
the hall, openings, obstacles and every object already placed are left as they are.
The package itself is light (the CLI's parser reads ``KINDS``); the layout code loads on use.
"""

KINDS = ("zones", "counters", "seats", "equipment", "signs", "fire")

__all__ = ["KINDS", "LayoutResult", "Note", "layout"]


def __getattr__(name):
    if name in ("layout", "LayoutResult", "Note"):
        from bianmin.autolayout import api

        return getattr(api, name)
    raise AttributeError(name)
