"""Extract the text layer of a PDF with pypdf, page by page, in the layout the parser expects."""
from __future__ import annotations

import io

from .errors import InputError


def pdf_to_text(data: bytes, source: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(source, "PDF-filen är krypterad", "the PDF is encrypted", code="pdf-encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(source, f"PDF-filen är skadad ({exc})", f"the PDF is damaged ({exc})",
                         code="pdf-damaged") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(source, "PDF-filen saknar textlager (inskannad?)",
                         "the PDF has no text layer (scanned?)", code="pdf-no-text")
    return text
