"""``python -m summarize``: the same as the ``summarize`` console script."""

from summarize.cli import main

main()
