"""The ``rekg`` command line: it only connects the pipeline stages and prints their results.

One module a group of commands: :mod:`~kg.cli.build` (build, validate, reason, info),
:mod:`~kg.cli.query` (query, export, release, explain),
:mod:`~kg.cli.analyse` (whatif, exposure, concentration), :mod:`~kg.cli.curate` (extract, coverage),
:mod:`~kg.cli.serve` (serve); :mod:`~kg.cli._common` holds what they share.
"""

from __future__ import annotations

import typer

from kg.cli import analyse, build, curate, query, serve
from kg.cli._common import CommandGroup

__all__ = ["app", "main"]

app = typer.Typer(help="rekg: a knowledge graph of the rare-earth supply chain.", no_args_is_help=True, cls=CommandGroup)
for module in (build, query, analyse, curate, serve):
    module.register(app)


def main() -> None:
    """Entry point of the ``rekg`` console script."""
    app()


if __name__ == "__main__":
    main()
