"""Automatic layout (issue 13): complete a hall into a plan that passes the rules.

No Qt here.  ``api.layout(plan, only)`` returns a new plan with what was missing added;
the hall, openings, obstacles and every object already placed are left as they are.
"""
from .api import KINDS, LayoutResult, Note, layout

__all__ = ["KINDS", "LayoutResult", "Note", "layout"]
