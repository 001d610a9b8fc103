"""Events and quotes: native Arabic event coding in PLOVER and CAMEO, with trigger evidence.

Import :class:`marsad.events.step.EventStep` for the pipeline; the parts are ``lexicon``
(the trigger lexicon as data), ``triggers`` (matching, negation, modality), ``arguments``
(source/target/location), ``quotes``, ``coding`` (CAMEO→PLOVER) and ``reader`` (the
document reader, built in stages: ``drafting``, ``verbal_roles``, ``doers``, ``objects``,
``finishing``, ``settling``, ``informative``, ``event_building``, ``subjects``; shared
pieces in ``reader_core``, ``drafts``, ``vocabulary`` and ``lexical_tokens``), and the opt-in
``argument_model`` (a learned source/target chooser).
"""
