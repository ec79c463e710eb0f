import gc

# `python -m kehoach` is a process of our own (see kehoach.cli.run): the collector is paused before
# the command line's imports too, which it would otherwise traverse again and again (~2 ms).
gc.disable()

from kehoach.cli import run  # noqa: E402

run()
