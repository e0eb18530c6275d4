"""One BLAS thread for numpy in the `marsad` command, unless the user chose a number.

Why: the neural tagger multiplies many small matrices; with a BLAS thread per core, handing them
out costs more than computing them (`marsad ner` on ANERcorp test: 31.5 s with the default pool
vs 5.2 s with one thread on a many-core machine), and the pipeline is single-threaded by design.
OpenBLAS (numpy's BLAS on PyPI) reads its thread count once, when numpy is first imported, and the
store imports numpy, so `marsad.cli` calls `one_blas_thread()` before importing anything else.
Only OPENBLAS_NUM_THREADS is set: OMP_NUM_THREADS would also make torch (train-ner) use one core.
"""
from __future__ import annotations

import os
import sys

VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> bool:
    """Ask for one BLAS thread; True when that still counts (numpy not loaded yet, or
    threadpoolctl could tell the loaded BLAS), False when the user set a thread count or too late."""
    if any(v in os.environ for v in VARIABLES):
        return False                    # the user's choice
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    if "numpy" not in sys.modules:
        return True
    try:                                # numpy already loaded (an embedding program): ask its pool
        from threadpoolctl import threadpool_limits
    except ImportError:
        return False
    threadpool_limits(1, user_api="blas")
    return True
