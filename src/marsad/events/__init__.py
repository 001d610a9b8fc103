"""Events and quotes: native Arabic event coding in PLOVER and CAMEO, with trigger evidence.

Import :class:`marsad.events.step.EventStep` for the pipeline; the parts are ``lexicon``
(the trigger lexicon as data), ``triggers`` (matching, negation, modality), ``arguments``
(source/target/location), ``quotes``, ``coding`` (CAMEO→PLOVER) and ``extract`` (the reader).
"""
