"""Excel in and out (openpyxl): formatted workbooks, entry templates and safe imports.

- ``export.export_workbook`` writes one sheet per record type, streaming rows
  (write-only mode), with real dates, money as numbers and ID numbers as text.
- ``template.write_template`` writes a blank entry workbook that imports back unchanged.
- ``importer.plan_import`` reads a workbook (``reader`` refuses bad files first),
  finds the header (``headers``), parses values the way people type them (``parse``)
  and returns a preview; ``importer.apply_import`` writes it all or nothing and
  ``batches.undo_import`` takes one import back.
"""
