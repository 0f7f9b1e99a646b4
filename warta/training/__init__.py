"""Training Warta's models from the real corpora in ``$WARTA_DATA`` (never committed).

``corpora``: readers and tag harmonisation for the NER corpora; ``ner``: the spaCy training
run behind ``warta train ner``.
"""
