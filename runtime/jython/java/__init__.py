"""The Java classes scripts import (``java.*``, ``javax.swing``, Ignition's own)."""
