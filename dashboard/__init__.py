"""Zhejiang Indicators Dashboard: curated figures about Zhejiang province, each traced to the article that reported it."""

__version__ = "0.1.0"
