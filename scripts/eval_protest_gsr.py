"""Report sentence-level PROTEST detection on the OEDA Arabic GSR (a test set: never tune on it).

    .venv/bin/python scripts/eval_protest_gsr.py [../shared/data/arabic_event_gsr/protest_gsr.csv]
"""

import sys

from marsad.events.gsr import main

if __name__ == "__main__":
    sys.exit(main())
