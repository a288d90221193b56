"""The Streamlit app: the shell (navigation, sidebar, data lookup), shared widgets and one file per page."""
