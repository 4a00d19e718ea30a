"""``python -m tui`` runs the ``briefing`` command."""

from tui.cli import main

raise SystemExit(main())
