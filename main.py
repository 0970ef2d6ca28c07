"""visionsim: ``python main.py [--project DIR]`` or ``python main.py run SCRIPT.py``."""

from __future__ import annotations

import sys

from visionsim.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
