"""kehoach: Vietnamese administrative plans (Kế hoạch) from YAML specs, checked and rendered."""

# The one place the version is written (pyproject.toml reads it): a document names its maker without
# importlib.metadata, which costs every `render` 13 ms to import and search the installed packages.
__version__ = "0.1.0"
