"""The `journeymapper` command line: one module per subcommand, and `main` to pick one.

`main.main` parses the arguments and runs one subcommand; each subcommand module has
`NAME`, `HELP`, `DESCRIPTION`, `add_arguments(parser)`, which adds its options, and
`run(args, out)`, which does the work and returns the exit code. Only the chosen
subcommand's options are added, and they import nothing heavy, so
`--version`, `--help` and a wrong argument start in the time Python takes; `run`
imports what its command uses. Everything the command line prints goes through
`output.Output`.
"""
