"""ncr — the National Cyber Review toolkit."""

# Written here rather than read from the installed metadata: importlib.metadata costs ~40 ms at
# start-up, and `ncr --help` must stay quick. pyproject.toml reads the version from this line.
__version__ = "0.4.0"
