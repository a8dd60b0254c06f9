"""Producer: qpdf and truncation. PDFs a list reader must survive."""
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from .data import *  # noqa: F401,F403
from .latex import latex_pdf
from .run import run


def bad_pdfs():
    """PDFs a list reader must survive: encrypted with a user password, truncated, no text
    layer (a drawing, as a scan has only an image), zero pages."""
    out = os.path.join(OUT, "bad")
    os.makedirs(out, exist_ok=True)
    good = os.path.join(OUT, "zero-dash.pdf")
    run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", good, os.path.join(out, "encrypted.pdf")])
    with open(good, "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 3])
    tex = os.path.join(SRC, "no-text.tex")
    with open(tex, "w", encoding="utf-8") as f:
        f.write("\\documentclass{article}\\pagestyle{empty}\\begin{document}\\noindent\\rule{12cm}{4cm}\\end{document}\n")
    latex_pdf(tex, out)
    run(["qpdf", "--empty", os.path.join(out, "zero-pages.pdf")])
