#!/usr/bin/python3
"""PyTorch float64 anchors for KernelBenchmark: ns per element of f and f' for the exp-based activations.

The same measurement as ../shared/perf/kernels.py (1,000,000 float64 uniform in [-12, 12], seed 42,
one thread, 3 warm-up calls, then the median of 20 timed calls, each allocating its result, glibc
told to keep freed memory), for the six functions of issue 16 and their derivatives.

f' is timed two ways:
  backward  the kernel autograd runs, torch.ops.aten.<name>_backward with grad_output = ones,
            given what the forward pass saved (sigmoid and tanh save their output, the others
            their input; elu_backward is given the input, is_result=False). This is the cheapest
            a PyTorch user gets f' for; the saved tensors are computed before the clock starts.
  fwd+bwd   f'(x) from x alone: the forward call and then the backward kernel, as the Java
            derivatives() computes it (from the pre-activations only).

Run with Debian's interpreter: /usr/bin/python3 scripts/torch-kernels.py [--n N] [--reps R]
"""

import argparse
import ctypes
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.dont_write_bytecode = True


def steady_heap():
    """Keep allocations up to 32 MB on the brk heap and never trim it back, as kernels.py does."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(-3, 32 * 1024 * 1024)) and bool(libc.mallopt(-1, 1 << 30))
    except OSError:
        return False


def ns_per_element(fn, n, reps, warmup=3):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - t0)
    return statistics.median(samples) / n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=20)
    args = ap.parse_args()
    steady = steady_heap()
    torch.set_num_threads(1)
    x = torch.from_numpy(np.random.default_rng(42).uniform(-12.0, 12.0, args.n))
    ones = torch.ones_like(x)
    aten = torch.ops.aten
    sig, tnh = torch.sigmoid(x), torch.tanh(x)

    # name: (forward, backward given the saved tensor, f'(x) from x)
    rows = {
        "sigmoid": (lambda: torch.sigmoid(x), lambda: aten.sigmoid_backward(ones, sig),
                    lambda: aten.sigmoid_backward(ones, torch.sigmoid(x))),
        "tanh": (lambda: torch.tanh(x), lambda: aten.tanh_backward(ones, tnh),
                 lambda: aten.tanh_backward(ones, torch.tanh(x))),
        "gelu": (lambda: F.gelu(x), lambda: aten.gelu_backward(ones, x),
                 lambda: aten.gelu_backward(ones, x)),
        "softplus": (lambda: F.softplus(x), lambda: aten.softplus_backward(ones, x, 1.0, 20.0),
                     lambda: aten.softplus_backward(ones, x, 1.0, 20.0)),
        "silu": (lambda: F.silu(x), lambda: aten.silu_backward(ones, x),
                 lambda: aten.silu_backward(ones, x)),
        "elu": (lambda: F.elu(x), lambda: aten.elu_backward(ones, 1.0, 1.0, 1.0, False, x),
                lambda: aten.elu_backward(ones, 1.0, 1.0, 1.0, False, x)),
        "exp": (lambda: torch.exp(x), None, None),
        "copy": (lambda: x.clone(), None, None),
    }
    capability = next((l.split(":", 1)[1].strip() for l in torch.__config__.show().splitlines()
                       if "CPU capability" in l), "?")
    print(f"torch {torch.__version__} float64, {torch.get_num_threads()} thread, CPU capability {capability}, "
          f"{args.n:,} values, median of {args.reps} after 3 warm-ups, heap {'steady' if steady else 'default'}, "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"{'kernel':<10} {'f ns/elt':>9} {'backward':>9} {'fwd+bwd':>9}")
    for name, (fwd, bwd, full) in rows.items():
        cells = [ns_per_element(fn, args.n, args.reps) if fn else None for fn in (fwd, bwd, full)]
        print(f"{name:<10} " + " ".join(f"{c:9.2f}" if c is not None else f"{'-':>9}" for c in cells),
              flush=True)
    print("backward: the autograd kernel alone (sigmoid, tanh: from the saved output); fwd+bwd: f'(x) from x; "
          "for gelu, softplus, silu and elu the backward kernel reads x itself, so both columns time it.")


if __name__ == "__main__":
    main()
