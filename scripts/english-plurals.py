#!/usr/bin/env python3
"""Fills in the English plural forms of resources/translations/trunk-migrator_en.ts.

The source texts say "%n number(s)"; Qt's way to print "1 number" and "2 numbers" is an
English translation that holds only the numerus messages (lupdate -pluralonly). After
`cmake --build build --target update_translations` adds new ones, run this script: it writes
the singular and plural of every message still unfinished, from the "(s)" in its source and
a few irregular words below, and leaves finished ones (edited by hand) as they are.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Singular forms a plain "(s)" removal gets wrong: (plural fragment, singular fragment).
SINGULAR_FIXES = [
    ("route(s) differ", "route differs"),
    ("number(s) route differently", "number routes differently"),
    ("number(s) carry one", "number carries one"),
    ("number(s) receive faxes", "number receives faxes"),
    ("fallback URLs of %n number(s)", "fallback URL of %n number"),
    ("status callbacks of %n number(s)", "status callback of %n number"),
    ("the other %n are offered", "the other %n is offered"),
    ("Put %n numbers back on the trunk and restore their", "Put %n number back on the trunk and restore its"),
    ("verifying their routes", "verifying its route"),
]


def forms(source):
    singular = source
    for plural_text, singular_text in SINGULAR_FIXES:
        singular = singular.replace(plural_text, singular_text)
    singular = re.sub(r"(\w+)\(s\)", r"\1", singular)
    plural = re.sub(r"(\w+)\(s\)", r"\1s", source)
    return singular, plural


def main(path):
    tree = ET.parse(path)
    changed = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        finished = translation.get("type") is None
        if finished and all((f.text or "") for f in translation.findall("numerusform")):
            continue
        for form in list(translation):
            translation.remove(form)
        for text in forms(message.find("source").text):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        changed += 1
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    print(f"{changed} plural message(s) filled in {path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/trunk-migrator_en.ts")
