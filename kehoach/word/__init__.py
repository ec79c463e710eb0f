"""A .docx read as it prints, from its XML only: the package (opened through kehoach.inputfiles), its
styles and numbering, and the document-order paragraphs and tables with their ¶ numbers. Below the
checks and refs, so that `refs FILE.docx` and `check FILE.docx` count paragraphs the same way; the
importer builds a plan from what this reads."""
