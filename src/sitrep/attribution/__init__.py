"""Attribution extraction: who says what, with which reporting verb.

Split by concern: ``lexicon`` (cue words and their stance, seats of government),
``quotes`` (quotation-mark spans), ``spans`` (token-range helpers), ``speech``
(the dependency rules that find source, cue and content) and ``sources``
(pronoun / short-name resolution and canonical actors).
"""
