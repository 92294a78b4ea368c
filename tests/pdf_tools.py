"""PDF helpers shared by the report and signing tests: every font a file names, and the two ways
of appending an incremental update after a signature (pypdf and pyHanko)."""

from __future__ import annotations

from io import BytesIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


def fonts_of(reader: PdfReader) -> list[DictionaryObject]:
    """Every font dictionary reachable from the trailer: pages, form XObjects, annotations and
    their appearance streams (the visible signature), the form's default resources."""
    fonts: list[DictionaryObject] = []
    seen: set[int] = set()
    pending: list[object] = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if item.get("/Type") == "/Font":
                fonts.append(item)
            pending.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return fonts


def with_pypdf_metadata(data: bytes) -> bytes:
    """The file with an incremental update by pypdf that changes its title."""
    writer = PdfWriter(BytesIO(data), incremental=True)
    writer.add_metadata({"/Title": "Báo cáo đã sửa"})
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


def with_pyhanko_annotation(data: bytes) -> bytes:
    """The file with an incremental update by pyHanko that adds a note on page 1."""
    writer = IncrementalPdfFileWriter(BytesIO(data))
    page_ref, _ = writer.find_page_for_modification(0)
    annotation = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
            generic.pdf_name("/Rect"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (100, 100, 120, 120)]
            ),
            generic.pdf_name("/Contents"): generic.TextStringObject("Số liệu đã sửa: 999 ca"),
        }
    )
    page = page_ref.get_object()
    annotations = page.get("/Annots", generic.ArrayObject())
    annotations.append(writer.add_object(annotation))
    page[generic.pdf_name("/Annots")] = annotations
    writer.update_container(page)
    output = BytesIO()
    writer.write(output)
    return output.getvalue()
