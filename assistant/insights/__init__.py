"""Insights across stored postmortems: response times by time, severity and service; action items
by status and age; services that keep coming back. ``report.write_report`` writes an HTML page with
the charts as PNG images."""
