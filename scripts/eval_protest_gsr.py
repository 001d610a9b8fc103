"""Report sentence-level PROTEST detection on the OEDA Arabic GSR (a test set: never tune on it).

    .venv/bin/python scripts/eval_protest_gsr.py [../shared/data/arabic_event_gsr/protest_gsr.csv] [--strict]

Prints both operating points: the PLOVER detector (marsad.events.protest) and the strict clarity
point (marsad.events.protest_clarity: protest reports every lay reader would accept); ``--strict``
prints only the latter.
"""

import sys

from marsad.events.gsr import main

if __name__ == "__main__":
    sys.exit(main())
