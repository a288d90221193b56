"""The table: the columns declared once, the tidy frame of the data, filters over it. No Streamlit."""
