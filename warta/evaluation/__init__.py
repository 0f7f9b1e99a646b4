"""Evaluation on real data: the dev gold set, and per-reader corpora (NER, time, clustering).

Nothing here ships data: every function takes the folder of ``../shared`` by path.
"""
