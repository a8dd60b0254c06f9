"""Reference data and synthetic amounts shared by every producer: municipalities, the
Police lists, Swedish collation, deterministic amounts and their printed forms."""
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "fixtures", "allocation-lists")
SRC = os.path.join(OUT, "src")
NBSP = "\u00a0"


def kommuner():
    with open(os.path.join(ROOT, "data", "kommuner.csv"), encoding="utf-8") as f:
        return [dict(code=r["kommunkod"], name=r["kommun"], county_code=r["lanskod"], county=r["lan"])
                for r in csv.DictReader(f)]


KOMMUNER = kommuner()
BY_NAME = {k["name"]: k for k in KOMMUNER}


def utsatta(year):
    with open(os.path.join(ROOT, "data", "utsatta-omraden-kommuner.csv"), encoding="utf-8") as f:
        names = [r["kommun"] for r in csv.DictReader(f) if r["lagesbild_ar"] == str(year)]
    return sorted((BY_NAME[n] for n in names), key=lambda k: (k["county_code"], swedish_key(k["name"])))


def swedish_key(name):
    # Swedish collation for the names we have: å < ä < ö after z.
    order = {"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"}
    return "".join(order.get(c, c.lower()) for c in name)


def amount_kr(code, salt=0):
    # Deterministic synthetic amount in whole kronor.
    n = int(code)
    return 150_000 + ((n * 104_729 + salt * 7_919) % 9_850_000)


def group(n, sep=" "):
    return f"{n:,}".replace(",", sep)


def tkr_text(tenths, sep=" "):
    whole, frac = divmod(tenths, 10)
    return f"{group(whole, sep)},{frac}"
