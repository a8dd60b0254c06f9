"""Producer: headless Chromium printing a hand-written HTML table page."""
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from .data import *  # noqa: F401,F403
from .model import *  # noqa: F401,F403
from .calc import esc
from .run import run




def write_html(fx, path):
    rows = []
    for r, cells in table_grid(fx):
        if r["kind"] == "total":
            continue
        tds = "".join(f'<td class="num">{esc(c)}</td>' if k in ("amount", "code") else f"<td>{esc(c)}</td>"
                      for c, k in zip(cells, fx.columns))
        rows.append(f"      <tr>{tds}</tr>")
    total = next(r for r in fx.rows if r["kind"] == "total")
    foot = "".join(f'<td class="num">{esc(c)}</td>' if k == "amount" else f"<td>{esc(c)}</td>"
                   for c, k in zip(row_cells(fx, total), fx.columns))
    ths = "".join(f"<th>{esc(h)}</th>" for h in fx.header)
    notes = "".join(f"  <p>{esc(n)}</p>\n" for n in fx.notes_below)
    body = "\n".join(rows)
    doc = f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>{esc(fx.title)} | {esc(fx.funder)}</title>
<style>
  @page {{ size: A4; }}
  body {{ font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; margin: 2em; }}
  table {{ border-collapse: collapse; }}
  th, td {{ border-bottom: 1px solid #999; padding: 2px 10px; text-align: left; }}
  td.num, th:last-child {{ text-align: right; }}
  tfoot td {{ font-weight: bold; }}
</style>
</head>
<body>
<header><p class="logo">{esc(fx.funder)}</p></header>
<main>
  <h1>{esc(fx.title)}</h1>
  <p>Beslutad {fx.date}, {esc(fx.reference)}</p>
  <table>
    <thead><tr>{ths}</tr></thead>
    <tbody>
{body}
    </tbody>
    <tfoot><tr>{foot}</tr></tfoot>
  </table>
{notes}</main>
</body>
</html>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)



def chromium_pdf(src, out):
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             f"--print-to-pdf={out}", "file://" + src])
    finally:
        shutil.rmtree(profile, ignore_errors=True)
