"""Jython 2.7 for scripts written for Ignition (docs/DESIGN.md section 9).

Translation of Python 2 scripts to Python 3 (line for line), the Python 2
semantics they rely on, and the Java classes they import (:mod:`.java`).
"""
