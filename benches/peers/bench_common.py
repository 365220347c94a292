"""The timing loop and output shared by the Python peers (benches/peers/*.py).

A peer does `import bench_common` (the script's own directory is on sys.path when it is run
as `python3 benches/peers/NAME.py`), defines run() returning its checksum, and ends with
`bench_common.bench(NAME, run)`. The total clock starts when this module is first imported,
i.e. at the peer's first statements."""
import sys
import time

T0 = time.perf_counter()


def js_str(x):
    """x as JS's String() prints it (1e15 rather than 1000000000000000.0)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    return repr(x)


def int_arg(index, default):
    """sys.argv[index] as an int, or default when it is not given."""
    return int(sys.argv[index]) if len(sys.argv) > index else default


def bench(name, run, at=1):
    """Reads WARMUP and ITERATIONS from sys.argv[at] and sys.argv[at + 1] (defaults 2 and 5),
    calls run() WARMUP + ITERATIONS times, checks that every call returns the first call's
    checksum, and prints the lines benches/run parses: `bench NAME`, one `warmup MS` or
    `iteration MS` per call, `result ok CHECKSUM` and `total MS`."""
    warmup = int_arg(at, 2)
    iterations = int_arg(at + 1, 5)
    print("bench " + name)
    first = None
    for i in range(warmup + iterations):
        t = time.perf_counter()
        got = run()
        ms = (time.perf_counter() - t) * 1000
        if first is None:
            first = got
        if got != first:
            raise RuntimeError("%s: checksum %r, first iteration %r" % (name, got, first))
        print("warmup" if i < warmup else "iteration", "%.6f" % ms, flush=True)
    print("result ok", js_str(first))
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))
