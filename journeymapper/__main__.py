"""`python -m journeymapper` is the `journeymapper` command."""

from journeymapper.cli import main

raise SystemExit(main())
