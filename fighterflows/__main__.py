"""`python -m fighterflows` is the `fighterflows` command."""

from fighterflows.cli import main

main()
