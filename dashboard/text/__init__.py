"""Text: the two languages, how values are worded, citations, escaping for each markup. No Streamlit."""
