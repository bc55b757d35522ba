"""The installed version of bianmin."""


def version() -> str:
    # imported here: importlib.metadata (and the email package under it) cost every command that
    # never shows the version 25 ms at start-up
    from importlib import metadata

    try:
        return metadata.version("bianmin")
    except metadata.PackageNotFoundError:
        return "0.1.0"
