"""The course's pure core: load, validate and render course data.

Nothing here imports MkDocs: functions take data and return strings, so tests call
them directly. The hooks in scripts/hooks/ adapt them to MkDocs events.
"""
