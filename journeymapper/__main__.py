"""`python -m journeymapper` is the `journeymapper` command."""

from journeymapper.cli.main import main

raise SystemExit(main())
