#!/usr/bin/env python3
"""Reads an iCalendar file with an independent parser (python3-icalendar) for the calendar tests
and prints what a calendar application would see, one line per event, in file order:
    calendar <VERSION> <PRODID> <number of events>
    <UID> | <DTSTART> | <DTEND> | <DTSTAMP> | <SUMMARY> | <URL> | <DESCRIPTION as JSON>
It also checks the physical form that parsers forgive: every line ends in CRLF and is at most
75 octets. Exit 1 (with the reason) when the file breaks either rule or does not parse."""
import json
import sys

import icalendar


def main(path):
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        sys.exit("the file does not end in CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            sys.exit(f"line {n}: a bare line break (RFC 5545 wants CRLF)")
        if len(line) > 75:
            sys.exit(f"line {n}: {len(line)} octets, more than 75")
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    print("calendar", cal["VERSION"], cal["PRODID"], len(events))
    for e in events:
        fields = [
            str(e["UID"]),
            e.decoded("DTSTART").isoformat(),
            e.decoded("DTEND").isoformat(),
            e.decoded("DTSTAMP").isoformat(),
            str(e["SUMMARY"]),
            str(e.get("URL", "")),
            json.dumps(str(e["DESCRIPTION"]), ensure_ascii=False),
        ]
        print(" | ".join(fields))


if __name__ == "__main__":
    main(sys.argv[1])
