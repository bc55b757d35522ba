"""The installed version of bianmin."""

from importlib import metadata


def version() -> str:
    try:
        return metadata.version("bianmin")
    except metadata.PackageNotFoundError:
        return "0.1.0"
