"""The fixture model: rows, printed cells per layout and the expected values a correct
extractor must give."""
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from .data import *  # noqa: F401,F403


# The fixtures. Each is a list of rows; a row is a dict with "kind" (muni, county, subtotal,
# total, header) and its cells. `expect` collects what a correct extractor must produce.


class Fixture:
    def __init__(self, name, producer, title, funder, date, reference, unit="kr"):
        self.name, self.producer, self.title, self.funder = name, producer, title, funder
        self.date, self.reference, self.unit = date, reference, unit
        self.header = []
        self.rows = []  # dicts: kind, cells (list of str), value (öre or None)
        self.notes_below = []
        self.ceilings = []
        self.subtotals = []
        self.total_ore = None
        self.total_printed = None
        self.landscape = False
        self.groups = 1
        self.ruled = False
        self.wrap_width_cm = None
        self.deadline = None
        self.warnings = []  # substrings each expected in some warning
        self.call_id = None
        self.columns = ["name", "amount"]  # what each column of one group holds

    def muni(self, k, ore, printed_name=None, printed_amount=None, share="", lines=None, known=True):
        name = printed_name or k["name"]
        if printed_amount is None:
            printed_amount = group(ore // 100)
        self.rows.append(dict(kind="muni", k=k, name=name, amount=printed_amount, ore=ore, share=share))
        c = dict(kommun=k["name"] if known else None, kommunkod=k["code"] if known else None,
                 lan=k["county"] if known else None, lanskod=k["county_code"] if known else None,
                 amount_ore=ore, as_printed=name, amount_as_printed=printed_amount.replace(NBSP, " "))
        if lines:
            c["as_printed_lines"] = lines
        self.ceilings.append(c)

    def expected(self):
        computed = sum(c["amount_ore"] for c in self.ceilings)
        if self.total_ore is None:
            check = "no_total"
        else:
            check = "ok" if self.total_ore == computed else "mismatch"
        return {
            "document": self.name + ".pdf",
            "producer": self.producer,
            "call_id": self.call_id,
            "list_title": self.title,
            "reference": self.reference,
            "document_date": self.date,
            "amount_unit": self.unit,
            "rows": len(self.ceilings),
            "ceilings": self.ceilings,
            "subtotals": self.subtotals,
            "total_ore": self.total_ore,
            "total_as_printed": self.total_printed,
            "total_computed_ore": computed,
            "sum_check": check,
            "deadline": self.deadline,
            "warnings": self.warnings,
        }


def add_total(fx, label="Totalt", stated_ore=None):
    computed = sum(c["amount_ore"] for c in fx.ceilings)
    ore = computed if stated_ore is None else stated_ore
    printed = group(ore // 100) if fx.unit == "kr" else tkr_text(ore // 10_000)
    fx.rows.append(dict(kind="total", name=label, amount=printed, ore=ore))
    fx.total_ore, fx.total_printed = ore, printed


DEADLINE = "Rekvisition görs i e-tjänsten senast den {d} {m} {y}."
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]


def with_deadline(fx, y, m, d):
    text = DEADLINE.format(d=d, m=MONTHS[m - 1], y=y)
    fx.notes_below.append("Beloppen anger det högsta belopp som respektive kommun kan rekvirera. " + text)
    fx.deadline = dict(kind="requisition_close", date=f"{y:04d}-{m:02d}-{d:02d}", text=text)



# Row cells as printed, per layout


def row_cells(fx, r):
    """The printed cells of one row, one per column of fx.columns (the keys of one group)."""
    cols = fx.columns
    if r["kind"] == "muni":
        k = r["k"]
        vals = dict(code=k["code"], name=r["name"], county=k["county"], county_code=k["county_code"],
                    amount=r["amount"], share=r.get("share", ""))
        return [vals[c] for c in cols]
    if r["kind"] == "county":
        return [r["name"]] + [""] * (len(cols) - 1)
    # subtotal / total: label in the first column, amount in the amount column
    cells = [""] * len(cols)
    cells[0] = r["name"]
    cells[cols.index("amount")] = r["amount"]
    return cells


def table_grid(fx):
    """Rows of printed cells (the body), with side-by-side groups laid out."""
    body = [(r, row_cells(fx, r)) for r in fx.rows]
    if fx.groups == 1:
        return body
    munis = [b for b in body if b[0]["kind"] == "muni"]
    rest = [b for b in body if b[0]["kind"] != "muni"]
    per = (len(munis) + fx.groups - 1) // fx.groups
    grid = []
    for i in range(per):
        cells, kinds = [], []
        for g in range(fx.groups):
            j = g * per + i
            if j < len(munis):
                cells += munis[j][1]
            else:
                cells += [""] * (len(fx.header) // fx.groups)
        grid.append((dict(kind="muni"), cells))
    for r, c in rest:
        grid.append((r, c + [""] * (len(fx.header) - len(c))))
    return grid


# Reading order of the ceilings for side-by-side lists: the left group top to bottom, then the
# right group (how a person reads it). The expected list above is already in that order.
