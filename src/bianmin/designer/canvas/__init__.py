"""The plan on screen: a Qt Graphics View with y up, items keyed by model id; snapping (no Qt)."""
