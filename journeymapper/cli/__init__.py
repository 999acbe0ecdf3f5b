"""The `journeymapper` command line: one module per subcommand, and `main` to pick one.

`main.main` parses the arguments and runs one subcommand; each subcommand module has
`register(commands)`, which adds its parser, and `run(args, out)`, which does the work
and returns the exit code. Registering imports nothing but the standard library, so
`--version`, `--help` and a wrong argument start in the time Python takes; `run`
imports what its command uses. Everything the command line prints goes through
`output.Output`.
"""
