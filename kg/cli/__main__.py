"""``python -m kg.cli``: the same as the ``rekg`` command."""

from kg.cli import main

if __name__ == "__main__":
    main()
