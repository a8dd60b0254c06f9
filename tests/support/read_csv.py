#!/usr/bin/env python3
"""Reads a CSV file with Python's csv module for the export tests and prints:
    bom <yes|no> rows <number of data rows> columns <number of columns>
    <the header, one name per line, prefixed "column ">   (only with --header)
    <for each data row: the cells of the named columns, separated by " | ">
Usage: read_csv.py FILE SEPARATOR [--header] COLUMN..."""
import csv
import io
import sys


def main(path, separator, *rest):
    header_wanted = "--header" in rest
    wanted = [c for c in rest if c != "--header"]
    raw = open(path, "rb").read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))
    header, data = rows[0], rows[1:]
    for n, row in enumerate(data, 2):
        if len(row) != len(header):
            sys.exit(f"row {n}: {len(row)} cells, the header has {len(header)}")
    print("bom", "yes" if bom else "no", "rows", len(data), "columns", len(header))
    if header_wanted:
        for name in header:
            print("column", name)
    index = [header.index(c) for c in wanted]
    for row in data:
        if index:
            print(" | ".join(row[i] for i in index))


if __name__ == "__main__":
    main(*sys.argv[1:])
