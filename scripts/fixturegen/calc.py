"""Producer: LibreOffice Calc. Flat .fods spreadsheets, exported to PDF by soffice."""
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



FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="table-cell">
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="sv" fo:country="SE"/>
  </style:default-style>
  <number:number-style style:name="N0" number:language="sv" number:country="SE">
   <number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>
  </number:number-style>
  <number:number-style style:name="N1" number:language="sv" number:country="SE">
   <number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1" number:grouping="true"/>
  </number:number-style>
 </office:styles>
 <office:automatic-styles>
"""


def fods_cell_styles(fx):
    border = ' fo:border="0.06pt solid #000000"' if fx.ruled else ""
    wrap = ' fo:wrap-option="wrap"' if fx.wrap_width_cm else ""
    num = "N1" if fx.unit == "tkr" else "N0"
    return f"""  <style:style style:name="ta1" style:family="table" style:master-page-name="Default">
   <style:table-properties table:display="true"/>
  </style:style>
  <style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
  <style:style style:name="title" style:family="table-cell"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="hd" style:family="table-cell"><style:table-cell-properties{border}/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="hdr" style:family="table-cell"><style:table-cell-properties{border}/><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="tx" style:family="table-cell"><style:table-cell-properties{border}{wrap}/></style:style>
  <style:style style:name="txr" style:family="table-cell"><style:table-cell-properties{border}/><style:paragraph-properties fo:text-align="end"/></style:style>
  <style:style style:name="num" style:family="table-cell" style:data-style-name="{num}"><style:table-cell-properties{border}/></style:style>
  <style:style style:name="bold" style:family="table-cell"><style:table-cell-properties{border}/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="boldnum" style:family="table-cell" style:data-style-name="{num}"><style:table-cell-properties{border}/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="note" style:family="table-cell"><style:text-properties fo:font-size="9pt"/></style:style>
"""


def fods_page(fx):
    w, h = ("29.7cm", "21cm") if fx.landscape else ("21cm", "29.7cm")
    orient = "landscape" if fx.landscape else "portrait"
    return f"""  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" style:print-orientation="{orient}" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm" style:print="charts drawings objects zero-values" style:scale-to="100%"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Default" style:page-layout-name="pm1">
   <style:header>
    <style:region-left><text:p>{esc(fx.funder)}</text:p></style:region-left>
    <style:region-right><text:p>Datum: {fx.date}</text:p></style:region-right>
   </style:header>
   <style:footer>
    <style:region-center><text:p>Sida <text:page-number>1</text:page-number> av <text:page-count>1</text:page-count></text:p></style:region-center>
   </style:footer>
  </style:master-page>
 </office:master-styles>
"""


def esc(s):
    return html.escape(s, quote=True)


def is_number_text(s):
    t = s.replace(" ", "").replace(NBSP, "").replace(",", "")
    return t != "" and all("0" <= c <= "9" for c in t)  # str.isdigit() accepts "²"


def fods_value_cell(fx, text, style):
    """A number typed into Calc: a numeric cell formatted by the column's number format, or a
    text cell when what is printed is not a plain number ("–", "2 500 000²")."""
    if text and is_number_text(text):
        t = text.replace(" ", "").replace(NBSP, "").replace(",", ".")
        shown = text.replace(" ", NBSP)
        return (f'<table:table-cell table:style-name="{style}" office:value-type="float" office:value="{t}">'
                f'<text:p>{esc(shown)}</text:p></table:table-cell>')
    return (f'<table:table-cell table:style-name="txr" office:value-type="string">'
            f'<text:p>{esc(text)}</text:p></table:table-cell>')


def fods_text_cell(text, style="tx", span=1):
    sp = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    if not text:
        return f'<table:table-cell table:style-name="{style}"/>'
    return (f'<table:table-cell table:style-name="{style}"{sp} office:value-type="string">'
            f'<text:p>{esc(text)}</text:p></table:table-cell>')


def write_fods(fx, path):
    keys = fx.columns * fx.groups
    right = {"amount", "share", "code", "county_code"}
    widths = {"name": f"{fx.wrap_width_cm or (4.2 if fx.groups > 1 else 5.6)}cm", "county": "4.2cm", "amount": "3cm", "share": "2.2cm",
              "code": "2.4cm", "county_code": "2cm"}
    col_styles = "".join(
        f'  <style:style style:name="c{i}" style:family="table-column"><style:table-column-properties style:column-width="{widths[k]}"/></style:style>\n'
        for i, k in enumerate(keys))
    parts = [FODS_HEAD, col_styles, fods_cell_styles(fx), fods_page(fx)]
    parts.append(' <office:body>\n  <office:spreadsheet>\n   <table:table table:name="Fördelning" table:style-name="ta1">\n')
    for i in range(len(keys)):
        parts.append(f'    <table:table-column table:style-name="c{i}" table:default-cell-style-name="Default"/>\n')
    parts.append(f'    <table:table-row><table:table-cell table:style-name="title" office:value-type="string"><text:p>{esc(fx.title)}</text:p></table:table-cell></table:table-row>\n')
    parts.append(f'    <table:table-row><table:table-cell office:value-type="string"><text:p>Bilaga till anvisningar, {esc(fx.reference)}</text:p></table:table-cell></table:table-row>\n')
    parts.append('    <table:table-row><table:table-cell/></table:table-row>\n')
    parts.append('    <table:table-header-rows><table:table-row>')
    for h, k in zip(fx.header, keys):
        parts.append(fods_text_cell(h, "hdr" if k in right else "hd"))
    parts.append('</table:table-row></table:table-header-rows>\n')
    for r, cells in table_grid(fx):
        bold = r["kind"] in ("county", "subtotal", "total")
        parts.append('    <table:table-row>')
        for c, k in zip(cells, keys):
            if k == "amount" and c:
                parts.append(fods_value_cell(fx, c, "boldnum" if bold else "num"))
            elif k in right and c:
                parts.append(fods_text_cell(c, "txr"))
            else:
                parts.append(fods_text_cell(c, "bold" if bold else "tx"))
        parts.append('</table:table-row>\n')
    parts.append('    <table:table-row><table:table-cell/></table:table-row>\n')
    for n in fx.notes_below:
        parts.append(f'    <table:table-row><table:table-cell table:style-name="note" office:value-type="string"><text:p>{esc(n)}</text:p></table:table-cell></table:table-row>\n')
    parts.append('   </table:table>\n  </office:spreadsheet>\n </office:body>\n</office:document>\n')
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))



def soffice_pdf(src, outdir):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", outdir, src])
    finally:
        shutil.rmtree(profile, ignore_errors=True)
