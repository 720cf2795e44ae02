"""Command-line interface: one module per verb, assembled in ``app.py``."""
