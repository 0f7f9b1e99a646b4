"""Clustering the article stream into events and stories, with titles, summaries, outlets.

    >>> from warta.cluster import cluster_articles
    >>> assignments = cluster_articles(articles)          # doctest: +SKIP
"""

from __future__ import annotations

from warta.cluster.stream import Assignment, StreamClusterer, cluster_articles, date_undated, stream_order

__all__ = ["Assignment", "StreamClusterer", "cluster_articles", "date_undated", "stream_order"]
