"""The views: filters and shaping of the tidy frame, display wording, Plotly charts, cards and export. No Streamlit."""
