"""Evaluation: score Marsad's output against gold documents, CoNLL NER files and CoNLL-U.

Every quality figure of the project comes from here (``marsad eval``). Modules:

- :mod:`.scores`   precision/recall/F1 and accuracy counters, with their n/a conventions
- :mod:`.gold`     load ``*.gold.json`` files (see ``../shared/gold/README.md``)
- :mod:`.match`    span overlap, type compatibility, one-to-one matching
- :mod:`.docscore` score one predicted :class:`~marsad.document.Document` against one gold
- :mod:`.perfect`  build the "perfect prediction" document from a gold (for tests)
- :mod:`.batch`    run the pipeline over many short texts as a few pseudo-documents
- :mod:`.conll`    CoNLL NER (ANERcorp) conlleval-style chunk scoring
- :mod:`.conllu`   UD CoNLL-U word and clitic-boundary scoring
- :mod:`.baseline` floors per metric: save and check
- :mod:`.report`   text and JSON reports
"""
