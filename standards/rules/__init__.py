"""One module per rule family; importing this package registers every rule."""
from . import intake, hall, zones, counters, signs, evacuation, fire, access, equipment, safety, meta, capacity  # noqa: F401
