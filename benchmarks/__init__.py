"""Benchmarks of the dashboard's speed against a minimal Streamlit app; see rerun.py."""
