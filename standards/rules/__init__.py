"""One module per rule family; importing this package registers every rule."""
from . import intake, hall, zones, counters, signs, equipment, meta, access  # noqa: F401
