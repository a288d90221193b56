"""The data layer: schema, the one YAML reader, checks, problems with file and line, and loading."""
