"""LLM providers behind one protocol (see ``base.py``); each provider lives in its own module."""
