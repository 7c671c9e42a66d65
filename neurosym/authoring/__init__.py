"""Tools for people who write rule files: running their examples as tests, linting."""
