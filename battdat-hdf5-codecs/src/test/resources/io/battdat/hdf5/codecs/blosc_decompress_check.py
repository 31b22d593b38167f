"""Decompresses Java-written blosc containers with the system c-blosc (libblosc.so.1, via ctypes).

Usage: blosc_decompress_check.py DIR
For every DIR/NAME.blosc compares the c-blosc output with DIR/NAME.raw; prints "OK NAME" or "FAIL NAME reason".
"""
import ctypes
import ctypes.util
import os
import sys

path = ctypes.util.find_library('blosc') or 'libblosc.so.1'
lib = ctypes.CDLL(path)
lib.blosc_decompress.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
lib.blosc_decompress.restype = ctypes.c_int
lib.blosc_cbuffer_validate.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]
lib.blosc_cbuffer_validate.restype = ctypes.c_int
lib.blosc_get_version_string.restype = ctypes.c_char_p
print('VERSION', lib.blosc_get_version_string().decode())

directory = sys.argv[1]
for name in sorted(os.listdir(directory)):
    if not name.endswith('.blosc'):
        continue
    base = name[:-len('.blosc')]
    with open(os.path.join(directory, name), 'rb') as f:
        compressed = f.read()
    with open(os.path.join(directory, base + '.raw'), 'rb') as f:
        raw = f.read()
    nbytes = ctypes.c_size_t(0)
    if lib.blosc_cbuffer_validate(compressed, len(compressed), ctypes.byref(nbytes)) != 0:
        print('FAIL', base, 'blosc_cbuffer_validate rejected the header')
        continue
    dest = ctypes.create_string_buffer(max(1, nbytes.value))
    n = lib.blosc_decompress(compressed, dest, nbytes.value)
    if n < 0 or (n == 0 and len(raw) != 0):
        print('FAIL', base, 'blosc_decompress returned', n)
    elif dest.raw[:n] != raw:
        print('FAIL', base, 'decompressed bytes differ')
    else:
        print('OK', base)
