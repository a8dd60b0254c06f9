"""The allocation-list layouts, one Fixture each (what the tests and README name)."""
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


def fixtures():
    out = []

    fx = Fixture("multi-page", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för förebyggande arbete mot våld i nära relationer 2024",
                 "Socialstyrelsen", "2024-01-15", "dnr 5.7-1234/2023")
    fx.call_id = "socialstyrelsen:forebyggande-arbete-mot-vald-i-nara-relationer:2024"
    fx.header = ["Kommunkod", "Kommun", "Län", "Belopp (kr)"]
    fx.columns = ["code", "name", "county", "amount"]
    fx.ruled = True
    for k in KOMMUNER:
        fx.muni(k, amount_kr(k["code"]) * 100)
    add_total(fx, "Totalt")
    with_deadline(fx, 2024, 4, 30)
    out.append(fx)

    fx = Fixture("side-by-side", "LibreOffice Calc (.fods)",
                 "Fördelningslista för stöd till feriejobb för ungdomar 2023", "Folkhälsomyndigheten",
                 "2023-02-01", "Dnr 01234-2023")
    fx.call_id = "folkhalsomyndigheten:stod-till-feriejobb-for-ungdomar:2023"
    fx.header = ["Kommun", "Belopp (kr)", "Kommun", "Belopp (kr)"]
    fx.groups = 2
    for k in [k for k in KOMMUNER if k["county_code"] in ("12",)][:33]:
        fx.muni(k, amount_kr(k["code"], 3) * 100)
    add_total(fx, "Summa")
    out.append(fx)

    fx = Fixture("county-subtotals", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för sociala insatser i utsatta områden 2024", "Socialstyrelsen",
                 "2024-01-19", "dnr 3.6-2201/2024")
    fx.call_id = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2024"
    fx.header = ["Kommun", "Belopp (kr)"]
    ms = utsatta(2023)
    counties = []
    for k in ms:
        if not counties or counties[-1][0] != k["county_code"]:
            counties.append((k["county_code"], k["county"], []))
        counties[-1][2].append(k)
    for cc, county, members in counties:
        fx.rows.append(dict(kind="county", name=county))
        first = len(fx.ceilings)
        for k in members:
            fx.muni(k, amount_kr(k["code"], 5) * 100)
        sub = sum(c["amount_ore"] for c in fx.ceilings[first:])
        fx.rows.append(dict(kind="subtotal", name="Summa " + county, amount=group(sub // 100), ore=sub))
        fx.subtotals.append(dict(label="Summa " + county, lanskod=cc, amount_ore=sub,
                                 amount_as_printed=group(sub // 100)))
    add_total(fx, "Riket")
    with_deadline(fx, 2024, 5, 10)
    out.append(fx)

    fx = Fixture("wrapped-names", "pdfLaTeX (tabular with narrow p-column)",
                 "Fördelning av statsbidrag för kommunala insatser mot ensamhet 2025", "Socialstyrelsen",
                 "2025-02-03", "dnr 2.1-999/2025")
    fx.call_id = "socialstyrelsen:kommunala-insatser-mot-ensamhet:2025"
    fx.header = ["Kommun", "Belopp (kr)"]
    fx.ruled = True
    picks = ["Upplands Väsby", "Upplands-Bro", "Stockholm", "Östra Göinge", "Lund", "Dals-Ed",
             "Lilla Edet", "Umeå", "Malung-Sälen", "Norrköping", "Övertorneå", "Sala"]
    for n in picks:
        k = BY_NAME[n]
        lines = None  # names longer than the column (over 10 characters here) wrap
        if len(n) <= 10:
            pass
        elif " " in n:
            a, b = n.split(" ", 1)
            lines = [a, b]
        elif "-" in n:
            a, b = n.split("-", 1)
            lines = [a + "-", b]
        fx.muni(k, amount_kr(k["code"], 7) * 100, lines=lines)
    add_total(fx, "Summa")
    out.append(fx)

    fx = Fixture("footnotes", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för sociala insatser i utsatta områden 2025", "Socialstyrelsen",
                 "2025-01-20", "dnr 3.6-100/2025")
    fx.call_id = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2025"
    fx.header = ["Län", "Kommun", "Belopp (kr)"]
    fx.columns = ["county", "name", "amount"]
    for i, k in enumerate(utsatta(2023)[:12]):
        ore = amount_kr(k["code"], 11) * 100
        name, printed = k["name"], group(ore // 100)
        if i == 2:
            name = name + "*"
        elif i == 5:
            name = name + "¹"
        elif i == 8:
            printed = printed + "²"
        fx.muni(k, ore, printed_name=name, printed_amount=printed)
    add_total(fx, "Totalt")
    fx.notes_below += ["* Inklusive medel för samverkan med polisen.",
                       "¹ Beloppet avser även stadsdelsnämnderna.",
                       "² Justerat efter rättelse."]
    out.append(fx)

    fx = Fixture("zero-dash", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för habilitering av barn 2024", "Socialstyrelsen",
                 "2024-03-04", "dnr 4.1-77/2024")
    fx.call_id = "socialstyrelsen:habilitering-av-barn:2024"
    fx.header = ["Kommun", "Belopp (kr)"]
    for i, k in enumerate([k for k in KOMMUNER if k["county_code"] == "25"]):
        if i == 3:
            fx.muni(k, 0, printed_amount="0")
        elif i == 6:
            fx.muni(k, 0, printed_amount="–")
        else:
            fx.muni(k, amount_kr(k["code"], 13) * 100)
    add_total(fx, "Totalt")
    out.append(fx)

    fx = Fixture("landscape", "LibreOffice Calc (.fods), landscape A4",
                 "Fördelningslista för statsbidrag till våldsförebyggande arbete 2023", "Länsstyrelsen",
                 "2023-03-01", "Dnr 700-1234-2023")
    fx.call_id = "lansstyrelsen:valdsforebyggande-arbete:2023"
    fx.header = ["Län", "Länskod", "Kommun", "Kommunkod", "Belopp (kr)", "Andel (%)"]
    fx.columns = ["county", "county_code", "name", "code", "amount", "share"]
    fx.landscape = True
    ms = [k for k in KOMMUNER if k["county_code"] in ("03", "04")]
    amounts = [amount_kr(k["code"], 17) * 100 for k in ms]
    tot = sum(amounts)
    for k, a in zip(ms, amounts):
        share = f"{a * 1000 // tot / 10:.1f}".replace(".", ",")
        fx.muni(k, a, share=share)
    add_total(fx, "Totalt")
    out.append(fx)

    fx = Fixture("tkr", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för psykisk hälsa 2024", "Socialstyrelsen", "2024-02-12",
                 "dnr 6.2-5555/2024", unit="tkr")
    fx.call_id = "socialstyrelsen:psykisk-halsa:2024"
    fx.header = ["Kommun", "Belopp (tkr)"]
    for k in [k for k in KOMMUNER if k["county_code"] == "07"]:
        tenths = amount_kr(k["code"], 19) // 100  # tenths of a thousand kronor
        fx.muni(k, tenths * 100 * 100, printed_amount=tkr_text(tenths))
    add_total(fx, "Totalt")
    out.append(fx)

    fx = Fixture("mismatch", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för äldreomsorg 2024", "Socialstyrelsen", "2024-01-30",
                 "dnr 1.1-1/2024")
    fx.call_id = "socialstyrelsen:aldreomsorg:2024"
    fx.header = ["Kommun", "Belopp (kr)"]
    for k in [k for k in KOMMUNER if k["county_code"] == "08"]:
        fx.muni(k, amount_kr(k["code"], 23) * 100)
    stated = sum(c["amount_ore"] for c in fx.ceilings) + 1_000_000 * 100
    add_total(fx, "Totalt", stated_ore=stated)
    fx.warnings.append("differs from the sum of the rows")
    out.append(fx)

    fx = Fixture("unknown-name", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för ungdomsmottagningar 2024", "Socialstyrelsen", "2024-02-20",
                 "dnr 1.2-2/2024")
    fx.call_id = "socialstyrelsen:ungdomsmottagningar:2024"
    fx.header = ["Kommun", "Belopp (kr)"]
    ms = [k for k in KOMMUNER if k["county_code"] == "09"]
    for k in ms:
        fx.muni(k, amount_kr(k["code"], 29) * 100)
    fake = dict(code="9999", name="Kommunalförbundet Nordost", county_code="", county="")
    fx.muni(fake, 1_234_567 * 100, known=False)
    add_total(fx, "Totalt")
    fx.warnings.append("Kommunalförbundet Nordost")
    out.append(fx)

    fx = Fixture("duplicate", "LibreOffice Calc (.fods)",
                 "Fördelning av statsbidrag för barnhälsovård 2024", "Socialstyrelsen", "2024-02-21",
                 "dnr 1.3-3/2024")
    fx.call_id = "socialstyrelsen:barnhalsovard:2024"
    fx.header = ["Kommun", "Belopp (kr)"]
    ms = [k for k in KOMMUNER if k["county_code"] == "10"]
    for k in ms:
        fx.muni(k, amount_kr(k["code"], 31) * 100)
    fx.muni(ms[1], 500_000 * 100)
    add_total(fx, "Totalt")
    fx.warnings.append("listed twice")
    out.append(fx)

    fx = Fixture("html-table", "hand-written HTML5 table; PDF printed by headless Chromium",
                 "Fördelning av statsbidrag för förstärkt elevhälsa 2024", "Skolverket", "2024-03-15",
                 "Dnr 2024:123")
    fx.call_id = "skolverket:forstarkt-elevhalsa:2024"
    fx.header = ["Län", "Kommun", "Kommunkod", "Max belopp (kr)"]
    fx.columns = ["county", "name", "code", "amount"]
    for k in [k for k in KOMMUNER if k["county_code"] == "05"]:
        fx.muni(k, amount_kr(k["code"], 37) * 100)
    add_total(fx, "Totalsumma")
    with_deadline(fx, 2024, 6, 14)
    out.append(fx)
    return out
