"""Sessions for the people who work on Bianmin (CONTRIBUTING.md): ``nox -s fast``, ``nox -s tests``, ``nox -s lint``.

nox is not among the test extras (it brings virtualenv and a dozen packages CI does not need):
``pip install nox`` once. The sessions run in the environment nox is started from, the one the
README's ``pip install -e ".[test]"`` set up, so nothing is downloaded or built per session; what
each runs is the same command .ci/run runs.
"""

import nox

nox.options.default_venv_backend = "none"  # the installed environment: PyQt6 and ezdwg are not rebuilt per run
nox.options.sessions = ["fast", "lint"]


@nox.session
def tests(session: nox.Session) -> None:
    """The full suite, as CI runs it."""
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def fast(session: nox.Session) -> None:
    """The suite without the tests marked ``slow`` (over about 3 s each; pyproject.toml lists the marker)."""
    session.run("python", "-m", "pytest", "-m", "not slow", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """The checks .ci/run makes after the tests: lint, format, the import contracts, types."""
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")
    session.run("mypy", "src/bianmin/geometry", "src/bianmin/templates")
