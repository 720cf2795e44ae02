"""Redaction before anything leaves for an LLM: secrets, personal data, names → aliases.

from assistant.redact import Redactor
r = Redactor(alias_names=True, names=["sofia"])
r.redact("sofia: psql postgres://ro:Tq8v!mZ2pL@10.42.7.15/orders")
# 'Responder A: psql postgres://ro:<SECRET_1>@<IP_1>/orders'
"""

from assistant.redact.redactor import Finding, Redactor, findings, mask, timeline_names, timeline_people

__all__ = ["Finding", "Redactor", "findings", "mask", "timeline_names", "timeline_people"]
