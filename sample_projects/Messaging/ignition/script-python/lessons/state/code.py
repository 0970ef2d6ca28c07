# Module-level state shared by the scripts of one client (project library
# modules live once per scope): the Timeout and cancel lesson keeps the
# Request handle of its last request here, so the Cancel button can reach it.
request = None
