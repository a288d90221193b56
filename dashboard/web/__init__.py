"""The take-away face: each figure and chart at its own address, as HTML, JSON-LD, CSV and BibTeX, and the whole data."""
