"""`python -m antq_desktop` behaves like the `antq-desktop` command."""

import sys

from antq_desktop.cli import main

sys.exit(main())
