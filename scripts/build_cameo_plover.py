"""Derive ``src/marsad/resources/events/cameo_plover.tsv`` from the PLOVER project's table.

Input: ``../shared/data/plover/CAMEO2PLOVER-2021.txt`` (openeventdata/PLOVER, CC BY-SA 4.0).
The output keeps every CAMEO code's PLOVER type, mode and context, and adds the CAMEO 01x/02x
statement and appeal codes the table leaves out (marked ``marsad`` in the ``origin`` column),
because Arabic wire copy is full of condolences, hopes and appeals. Rerun after an upstream
update; the NOTICE beside the output names the source and its license.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "marsad" / "resources" / "events" / "cameo_plover.tsv"

# CAMEO 01x/02x: not in the 2021 table; mapped here by the CAMEO 1.1b3 definitions.
ADDITIONS = [
    ("012", "SUPPORT", "", "diplomatic", "Make optimistic comment"),
    ("016", "REJECT", "", "diplomatic", "Deny responsibility"),
    ("018", "SUPPORT", "", "diplomatic", "Make empathetic comment (condolences)"),
    ("019", "AGREE", "", "diplomatic", "Express accord"),
    ("020", "REQUEST", "", "", "Make an appeal or request"),
    ("021", "REQUEST", "assist", "", "Appeal for material cooperation"),
    ("022", "REQUEST", "assist", "diplomatic", "Appeal for diplomatic cooperation"),
    ("023", "REQUEST", "assist", "", "Appeal for aid"),
    ("024", "REQUEST", "change", "political_institutions", "Appeal for political reform"),
    ("025", "REQUEST", "yield", "", "Appeal to yield"),
    ("026", "REQUEST", "meet", "diplomatic", "Appeal to others to meet or negotiate"),
    ("027", "REQUEST", "meet", "diplomatic", "Appeal to others to settle dispute"),
    ("028", "REQUEST", "meet", "diplomatic", "Appeal to others to engage in or accept mediation"),
]

LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,]*),([^#]*)#\s*(.*)$")


def main(src: Path = SRC, out: Path = OUT) -> int:
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    for ln in src.read_text("utf-8").splitlines():
        m = LINE.match(ln.strip())
        if not m:
            continue
        code, plover, mode, context, desc = (g.strip() for g in m.groups())
        context = context.replace("  ", " ").strip()
        rows.setdefault(code, (plover, mode.strip(), context, desc.split("21.09")[0].strip(), "plover"))
    for code, plover, mode, context, desc in ADDITIONS:
        rows.setdefault(code, (plover, mode, context, desc, "marsad"))
    lines = ["cameo\tplover\tmode\tcontext\tdescription\torigin"]
    for code in sorted(rows, key=lambda c: (c[:2], c)):
        lines.append("\t".join((code, *rows[code])))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} codes -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
