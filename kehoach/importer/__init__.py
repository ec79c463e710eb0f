"""Word and Excel in: read a clerk's .docx plan (or an .xlsx schedule) into the spec the loader reads.

Reads the document through kehoach.word (the package, and the document-order paragraphs and tables
as they print, with their numbering labels); inside: header, body, appendices (the parts of a plan) → writer (YAML text) → run (import to files) and check (import in memory, check, map positions
back to paragraphs)."""

from kehoach.importer.run import import_file  # noqa: E402,F401  (the entry point other layers call)
