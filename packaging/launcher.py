"""The frozen bundle's entry point: the `journeymapper` command, as installed by pip.

PyInstaller starts here. Everything else (no subcommand opens the editor, `--version`,
`export`, …) is `journeymapper.cli.main.main`; the editor is imported inside the `open`
subcommand (PyInstaller follows such imports; build.spec collects every module anyway).
"""

from __future__ import annotations

import sys

from journeymapper.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
