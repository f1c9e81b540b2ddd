"""Writes the .npy test files with NumPy's own writer (run: /usr/bin/python3 make_npy.py).

Each file's numbers are listed in NpyFormatTest and the binary controller tests, which read them
back; the files are committed so that the tests need no Python.
"""
import numpy as np
from numpy.lib import format as npy

X = [-2.5, -1.0, -0.125, 0.0, 0.5, 1.0, 3.0, 7.25]


def write(name, array, version):
    with open(name, "wb") as f:
        npy.write_array(f, array, version=version)


write("v1-f8-vector.npy", np.array(X, dtype="<f8"), (1, 0))
write("v2-f4-batch.npy", np.array(X, dtype="<f4").reshape(2, 4), (2, 0))
write("v3-f2-vector.npy", np.array(X, dtype="<f2"), (3, 0))
write("v1-f2-batch.npy", np.array(X, dtype="<f2").reshape(4, 2), (1, 0))
# Files the service refuses:
write("big-endian-f8.npy", np.array(X, dtype=">f8"), (1, 0))
write("int32.npy", np.array([1, 2, 3], dtype="<i4"), (1, 0))
write("fortran-f8.npy", np.asfortranarray(np.array(X, dtype="<f8").reshape(2, 4)), (1, 0))
write("three-dims-f8.npy", np.array(X, dtype="<f8").reshape(2, 2, 2), (1, 0))
write("scalar-f8.npy", np.array(1.5, dtype="<f8"), (1, 0))
write("empty-f4.npy", np.zeros(0, dtype="<f4"), (1, 0))
write("nan-f4-batch.npy", np.array([[0, 1, 2, 3], [4, 5, 6, np.nan]], dtype="<f4"), (1, 0))
