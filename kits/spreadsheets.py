"""What every export of the admin writes the same way (the indicators, the declared
actions): a CSV with a BOM and its cover above the table, an XLSX with an "About" cover
sheet, and text typed by people never read as a formula."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from django.utils.translation import pgettext

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    return "" if value is None else value


def csv_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return cell(value)


def csv_text(cover, headings, rows):
    """UTF-8 with a BOM (spreadsheets then read the accents right), the cover (label, text),
    one blank line, then the table."""
    output = io.StringIO()
    writer = csv.writer(output)
    for label, text in cover:
        writer.writerow([label, csv_safe(text)])
    writer.writerow([])
    writer.writerow(headings)
    for row in rows:
        writer.writerow([csv_safe(value) for value in row])
    return "\ufeff" + output.getvalue()


def append(sheet, values, bold=False):
    sheet.append([cell(value) for value in values])
    for each in sheet[sheet.max_row]:
        if each.data_type == "f":  # text typed by an editor is never a formula
            each.data_type = "s"
        if bold:
            each.font = Font(bold=True)


def workbook_with_cover(cover):
    """A new workbook whose first sheet, "About", holds the cover (label, text)."""
    workbook = Workbook()
    about = workbook.active
    about.title = pgettext("export sheet", "About")
    for label, text in cover:
        append(about, [label, text])
        about.cell(row=about.max_row, column=1).font = Font(bold=True)
        about.cell(row=about.max_row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 100
    return workbook


def add_table(workbook, title, headings, rows):
    sheet = workbook.create_sheet(title=title)
    append(sheet, headings, bold=True)
    for row in rows:
        append(sheet, row)
    sheet.freeze_panes = "A2"
    return sheet


def workbook_bytes(workbook, active):
    """The file, opening on `active`. Only that sheet's tab is selected: Excel groups
    selected tabs, and typing in a group writes into every sheet of it."""
    workbook.active = active
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = sheet is active
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
