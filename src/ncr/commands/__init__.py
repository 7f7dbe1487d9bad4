"""One module per subcommand: each takes plain options, does the work, prints, returns an exit code."""
