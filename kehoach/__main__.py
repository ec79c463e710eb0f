import gc


def main() -> None:
    """The console entry point (`kehoach`) and `python -m kehoach`: a process of our own (see
    kehoach.cli.run), so the collector is paused before the command line's imports too, which it
    would otherwise traverse again and again (~2 ms)."""
    gc.disable()
    from kehoach.cli import run

    run()


if __name__ == "__main__":
    main()
