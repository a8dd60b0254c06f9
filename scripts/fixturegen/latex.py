"""Producer: pdfLaTeX (booktabs tables with wrapped names)."""
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
from .run import run




def tex_esc(s):
    return s.replace("&", r"\&").replace("%", r"\%").replace("_", r"\_")


def write_tex(fx, path):
    lines = []
    for r, cells in table_grid(fx):
        if r["kind"] == "total":
            lines.append(r"\midrule")
            lines.append(rf"\textbf{{{tex_esc(cells[0])}}} & \textbf{{{tex_esc(cells[1]).replace(' ', '~')}}} \\")
        else:
            lines.append(rf"{tex_esc(cells[0])} & {tex_esc(cells[1]).replace(' ', '~')} \\")
    notes = "\n\n".join(tex_esc(n) for n in fx.notes_below)
    doc = rf"""\documentclass[a4paper,11pt]{{article}}
\usepackage[T1]{{fontenc}}
\usepackage[utf8]{{inputenc}}
\usepackage{{lmodern}}
\usepackage{{array,booktabs}}
\usepackage[margin=2.5cm]{{geometry}}
\usepackage{{fancyhdr}}
\pagestyle{{fancy}}
\fancyhf{{}}
\lhead{{{tex_esc(fx.funder)}}}
\rhead{{Datum: {fx.date}}}
\cfoot{{Sida \thepage}}
\begin{{document}}
\section*{{{tex_esc(fx.title)}}}
Bilaga till anvisningar, {tex_esc(fx.reference)}

\bigskip
% A narrow name column: two-word names wrap onto a second line; hyphenation is off so single
% words stay whole, and names break only at a space or after an explicit hyphen.
\begin{{tabular}}{{>{{\raggedright\arraybackslash\hyphenpenalty=10000}}p{{1.9cm}} r}}
\toprule
\textbf{{Kommun}} & \textbf{{Belopp (kr)}} \\
\midrule
{chr(10).join(lines)}
\bottomrule
\end{{tabular}}

\bigskip
{notes}
\end{{document}}
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


# --------------------------------------------------------------------------------------------

def latex_pdf(src, outdir):
    work = tempfile.mkdtemp(prefix="latex-")
    try:
        for _ in range(2):
            run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-output-directory", work, src])
        base = os.path.splitext(os.path.basename(src))[0]
        shutil.copy(os.path.join(work, base + ".pdf"), os.path.join(outdir, base + ".pdf"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
