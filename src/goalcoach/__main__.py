"""`python -m goalcoach`."""

import sys

from goalcoach.cli import main

sys.exit(main())
