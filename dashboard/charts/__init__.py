"""Plotly figures of the tidy table: indicator, story and timeline charts, their style and text alternatives."""
