"""The Word report: the rendered HTML report, walked element by element into an editable .docx.

The .docx is built from the same HTML the PDF is laid out from, so it has the same content in the
same order whatever the templates (built-in or the reviewers' own) contain; no report structure is
written twice. Headings become Word's Heading styles (so the navigation pane and the table of
contents work), tables real tables whose header row repeats, lists real lists, and the inline SVG
charts PNG images at print resolution. The running header, footer and marking elements of the HTML
frame become the Word header and footer, with "Page X of Y" fields.

python-docx (well kept, MIT, pure Python over lxml) writes the file; cairosvg draws the SVG charts
with the Cairo library WeasyPrint's machines already have. Both are imported only here, and this
module only when a .docx is asked for.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
import lxml.etree
import lxml.html
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Inches, Length, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ncr.outputs.display import page_words
from ncr.outputs.interface_text import _
from ncr.outputs.reports.native_libraries import imported
from ncr.outputs.reports.report_look import ReportLook, logo_from_data_url, reference_docx

cairosvg = imported("cairosvg")  # its C library opened by soname: see native_libraries

# Elements whose content is laid out as blocks; the others hold text.
CONTAINERS = {
    "html", "body", "main", "div", "section", "article", "header", "footer", "aside", "figure",
    "blockquote", "details", "nav", "form", "fieldset", "tbody", "thead", "tfoot",
}  # fmt: skip
PARAGRAPHS = {"p", "figcaption", "caption", "pre", "address", "summary", "legend"}
SKIPPED = {"head", "style", "script", "title", "meta", "link", "template", "noscript", "colgroup"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LIST_TAGS = {"ul", "ol"}
# Parts of the HTML frame that Word shows in its header and footer, not in the body.
FRAME_CLASSES = {"run", "watermark"}
CHART_WIDTH_PX = 1500  # 6.3 in of text width at ~240 dpi: sharp in print
DRAFT_RED = RGBColor(0xB0, 0x00, 0x20)
# The HTML parser lowercases every attribute name; SVG needs these back in camel case.
SVG_ATTRIBUTES = {
    name.lower(): name
    for name in ("viewBox", "preserveAspectRatio", "textLength", "lengthAdjust", "gradientUnits")
}
SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Frame:
    """What the HTML frame says about the document: its running texts, marks and metadata."""

    title: str
    header: str
    footer: str
    marking: str
    draft: bool
    authors: list[str]
    created: dt.date | None


def frame_of(root: Any) -> Frame:
    """The running header and footer, the marking and the metadata, read back from the HTML."""

    def text(xpath: str) -> str:
        found = root.xpath(xpath)
        return _squash(found[0].text_content()) if found else ""

    created = root.xpath("string(//meta[@name='dcterms.created']/@content)")
    try:
        day = dt.date.fromisoformat(created) if created else None
    except ValueError:
        day = None
    return Frame(
        title=text("//title"),
        header=text("//*[contains(concat(' ', @class, ' '), ' run-title ')]"),
        footer=text("//*[contains(concat(' ', @class, ' '), ' run-footer ')]"),
        marking=text("//*[contains(concat(' ', @class, ' '), ' run-mark-top ')]"),
        draft=bool(root.xpath("//*[contains(concat(' ', @class, ' '), ' run-draft ')]")),
        authors=[str(a) for a in root.xpath("//meta[@name='author']/@content")],
        created=day,
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


# -- the document --------------------------------------------------------------------------------


@dataclass
class Writer:
    """Walks the HTML body into the document, in document order. `lists` holds the kinds of the
    lists it is inside (for List Bullet 2 and the like); `first_chapter` is true until the first
    chapter heading, which follows the contents' own page break."""

    doc: Document
    lists: list[str] = field(default_factory=list)
    first_chapter: bool = True

    def style(self, name: str) -> str | None:
        """A style of the reference document, or None when a reviewer's own lacks it."""
        try:
            self.doc.styles[name]
        except KeyError:
            return None
        return name

    # blocks

    def blocks(self, element: Any, into: Any) -> None:
        """The children of a block element, text between them gathered into paragraphs."""
        pending: list[Any] = []
        if element.text and element.text.strip():
            pending.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):  # a comment
                if child.tail and child.tail.strip():
                    pending.append(child.tail)
                continue
            if _is_inline(child):
                pending.append(child)
            else:
                self.flush(pending, into)
                self.block(child, into)
            if child.tail and child.tail.strip():
                pending.append(child.tail)
        self.flush(pending, into)

    def flush(self, pending: list[Any], into: Any) -> None:
        if pending:
            paragraph = into.add_paragraph()
            for before, item in zip([None, *pending], pending, strict=False):
                if isinstance(item, str):
                    self.text(paragraph, item, {})
                else:
                    if _glued(before, item):
                        paragraph.add_run(" ")
                    self.inline(item, paragraph, {})
            _strip_edges(paragraph)
            pending.clear()

    def block(self, element: Any, into: Any) -> None:
        tag = _tag(element)
        classes = _classes(element)
        if tag in SKIPPED or classes & FRAME_CLASSES:
            return
        if tag == "nav" and "toc" in classes:
            self.contents(element)
        elif tag in HEADINGS:
            self.heading(element, HEADINGS[tag], into)
        elif tag in PARAGRAPHS:
            self.paragraph(element, into, self.style("Caption") if tag == "figcaption" else None)
        elif tag in LIST_TAGS:
            self.listing(element, into)
        elif tag == "dl":
            self.definitions(element, into)
        elif tag == "table":
            self.table(element, into)
        elif tag == "svg":
            self.picture(svg_png(element), into, self.chart_width(element))
        elif tag == "img":
            self.image(element, into)
        elif tag == "hr":
            into.add_paragraph()
        else:
            self.blocks(element, into)
            if tag == "section" and "cover" in classes:
                self.page_break()

    def paragraph(self, element: Any, into: Any, style: str | None = None) -> Paragraph:
        paragraph: Paragraph = into.add_paragraph(style=style)
        self.inline_children(element, paragraph, {})
        _strip_edges(paragraph)
        return paragraph

    def heading(self, element: Any, level: int, into: Any) -> None:
        classes = _classes(element)
        if "cover-title" in classes:
            self.paragraph(element, into, self.style("Title"))
            return
        style = self.style(f"Heading {min(level, 6)}")
        paragraph = self.paragraph(element, into, style)
        if style is None:
            for run in paragraph.runs:
                run.bold = True
        # Chapters start a page, as in the PDF; the first follows the contents' own break.
        if level == 1 and "chapter" in classes:
            if not self.first_chapter:
                paragraph.paragraph_format.page_break_before = True
            self.first_chapter = False
        paragraph.paragraph_format.keep_with_next = True

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self, element: Any) -> None:
        """A Word table-of-contents field in place of the HTML's list of links: Word and
        LibreOffice fill in the page numbers when the fields are updated (Word asks on opening)."""
        heading = element.xpath("./h1|./h2")
        title = _squash(heading[0].text_content()) if heading else _("Contents")
        self.doc.add_paragraph(title, style=self.style("TOC Heading"))
        entries = [_squash(a.text_content()) for a in element.iter("a")]
        toc_field(self.doc, entries)
        self.page_break()

    def listing(self, element: Any, into: Any) -> None:
        kind = "Number" if _tag(element) == "ol" else "Bullet"
        self.lists.append(kind)
        depth = len(self.lists)
        style = self.style(f"List {kind}" + (f" {depth}" if depth > 1 else "")) or self.style(
            f"List {kind}"
        )
        restart = numbering_restart(self.doc, style) if kind == "Number" else None
        for item in element:
            if _tag(item) != "li":
                continue
            paragraph = into.add_paragraph(style=style)
            if restart is not None:
                _set_numbering(paragraph, restart, depth - 1)
            nested = [c for c in item if _tag(c) in LIST_TAGS | {"p", "div", "dl", "table"}]
            self.inline_children(item, paragraph, {}, skip=set(nested))
            _strip_edges(paragraph)
            for child in nested:
                self.block(child, into)
        self.lists.pop()

    def definitions(self, element: Any, into: Any) -> None:
        for item in element:
            tag = _tag(item)
            if tag == "dt":
                paragraph = self.paragraph(item, into)
                paragraph.paragraph_format.keep_with_next = True
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.bold = True
            elif tag == "dd":
                if any(not _is_inline(c) for c in item if isinstance(c.tag, str)):
                    self.blocks(item, into)
                    continue
                paragraph = self.paragraph(item, into)
                paragraph.paragraph_format.left_indent = Cm(0.75)
            elif tag == "div":  # <div><dt/><dd/></div> groups are valid HTML
                self.definitions(item, into)

    def table(self, element: Any, into: Any) -> None:
        rows = [(row, row.getparent() is not None and _tag(row.getparent()) == "thead")
                for row in element.iter("tr")]  # fmt: skip
        if not rows:
            return
        width = max(sum(int(c.get("colspan") or 1) for c in row if _tag(c) in ("td", "th"))
                    for row, _ in rows)  # fmt: skip
        table = into.add_table(rows=len(rows), cols=max(width, 1))
        table.style = self.style("Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for index, (row, is_head) in enumerate(rows):
            self.table_row(table, index, row, is_head)
        self.column_widths(table, [row for row, _ in rows])
        caption = element.find("caption")
        if caption is not None:
            self.paragraph(caption, into, self.style("Caption"))

    def column_widths(self, table: Any, rows: list[Any]) -> None:
        """Columns as wide as their text needs (a name column wide, a number column narrow), so
        that no word breaks inside a narrow cell; Word's autofit is left on for later edits."""
        need = [4] * len(table.columns)
        for row in rows:
            cells = [c for c in row if _tag(c) in ("td", "th")]
            for index, cell in enumerate(cells[: len(need)]):
                if int(cell.get("colspan") or 1) > 1:
                    continue
                text = _squash(cell.text_content())
                longest = max((len(w) for w in text.split()), default=0)
                room = (
                    4 if _tag(cell) == "th" else 2
                )  # room for cell padding; bold headers run wider
                need[index] = max(need[index], longest + room, min(len(text), 48) // 2)
        total = self.text_width()
        for index, column in enumerate(table.columns):
            width = Emu(int(total * need[index] / sum(need)))
            column.width = width
            for cell in column.cells:
                cell.width = width

    def table_row(self, table: Any, index: int, row: Any, is_head: bool) -> None:
        word_row = table.rows[index]
        if is_head:  # repeats at the top of every page the table runs onto
            word_row._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        cantsplit = _element("w:cantSplit")
        word_row._tr.get_or_add_trPr().append(cantsplit)
        column = 0
        for cell in row:
            if _tag(cell) not in ("td", "th"):
                continue
            span = int(cell.get("colspan") or 1)
            target = word_row.cells[column]
            if span > 1:
                target = target.merge(word_row.cells[min(column + span, len(word_row.cells)) - 1])
            self.cell(cell, target, bold=is_head or _tag(cell) == "th")
            column += span

    def cell(self, element: Any, cell: _Cell, *, bold: bool) -> None:
        first = cell.paragraphs[0]
        if any(not _is_inline(c) for c in element if isinstance(c.tag, str)):
            self.blocks(element, cell)
            if len(cell.paragraphs) > 1 and not first.text:
                first._element.getparent().remove(first._element)
        else:
            self.inline_children(element, first, {"bold": True} if bold else {})
            _strip_edges(first)
        if "num" in _classes(element):
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def picture(self, png: bytes, into: Any, width: Length | None = None) -> None:
        paragraph = into.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(io.BytesIO(png), width=width or self.text_width())

    def image(self, element: Any, into: Any) -> None:
        """Only the report profile's logo (a data URL checked when the profile was read) is ever
        embedded: no other image source is read."""
        logo = logo_from_data_url(element.get("src") or "")
        if logo is None:
            return
        media, data = logo
        png = svg_png_bytes(data, 600) if media == "image/svg+xml" else data
        self.picture(png, into, Cm(4))

    def chart_width(self, svg: Any) -> Length:
        """A chart at three quarters of its CSS pixels (96 an inch): a 600 px chart is 12 cm wide,
        a little narrower than in the PDF, so that it shares a page with its table more often;
        never wider than the text."""
        try:
            pixels = float(svg.get("width") or 0)
        except ValueError:
            pixels = 0
        width = self.text_width()
        return Emu(min(int(width), int(Inches(pixels / 96 * 0.75)))) if pixels else width

    def text_width(self) -> Length:
        section = self.doc.sections[-1]
        page, left, right = section.page_width, section.left_margin, section.right_margin
        if page is None or left is None or right is None:
            return Cm(16)
        return Emu(page - left - right)

    # inline

    def inline_children(
        self, element: Any, paragraph: Paragraph, fmt: dict[str, bool], skip: set[Any] | None = None
    ) -> None:
        if element.text:
            self.text(paragraph, element.text, fmt)
        before: Any = element.text
        for child in element:
            if isinstance(child.tag, str) and (skip is None or child not in skip):
                if _glued(before, child):
                    paragraph.add_run(" ")
                self.inline(child, paragraph, fmt)
            before = child.tail or child
            if child.tail:
                self.text(paragraph, child.tail, fmt)

    def inline(self, element: Any, paragraph: Paragraph, fmt: dict[str, bool]) -> None:
        tag = _tag(element)
        if tag in SKIPPED or _classes(element) & FRAME_CLASSES:
            return
        if tag == "br":
            paragraph.add_run().add_break()
            return
        if tag == "svg":
            png = svg_png(element)
            paragraph.add_run().add_picture(io.BytesIO(png), width=self.text_width())
            return
        inner = dict(fmt)
        if tag in ("strong", "b", "th"):
            inner["bold"] = True
        elif tag in ("em", "i", "cite", "dfn"):
            inner["italic"] = True
        elif tag in ("code", "kbd", "samp"):
            inner["code"] = True
        elif tag in ("sub", "sup"):
            inner[tag] = True
        self.inline_children(element, paragraph, inner)

    def text(self, paragraph: Paragraph, text: str, fmt: dict[str, bool]) -> None:
        text = re.sub(r"\s+", " ", text)
        if not text:
            return
        run = paragraph.add_run(text)
        run.bold = fmt.get("bold") or None
        run.italic = fmt.get("italic") or None
        if fmt.get("code"):
            run.font.name = "Courier New"
        run.font.subscript = fmt.get("sub") or None
        run.font.superscript = fmt.get("sup") or None


def _tag(element: Any) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return str(tag).rsplit("}", 1)[-1].lower()


def _is_inline(element: Any) -> bool:
    tag = _tag(element)
    block = CONTAINERS | PARAGRAPHS | SKIPPED | LIST_TAGS | {"table", "dl", "svg", "img", "hr"}
    return tag not in block and tag not in HEADINGS and tag not in ("li", "dt", "dd", "tr")


def _glued(before: Any, element: Any) -> bool:
    """A span right after another span, or right after the end of a sentence, with no space
    between: the HTML's CSS sets them apart (a label and its value, an action and its lead), so
    Word's copy puts a space between them."""
    if before is None or _tag(element) != "span":
        return False
    if isinstance(before, str):
        return bool(re.search(r"[.!?:;)]$", before))
    return not (before.tail or "") and _tag(before) == "span"


def _strip_edges(paragraph: Paragraph) -> None:
    """HTML collapses the spaces at either end of a block; so does Word's copy."""
    runs = [r for r in paragraph.runs if r.text]
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()


def _element(name: str, **attrs: str) -> Any:
    element = OxmlElement(name)
    for key, value in attrs.items():
        element.set(qn(key), value)
    return element


# -- fields, numbering, header and footer ---------------------------------------------------------


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    """Open a complex field (PAGE, NUMPAGES, TOC); what follows is its result until updated."""
    paragraph.add_run()._r.append(_element("w:fldChar", **{"w:fldCharType": "begin"}))
    code = _element("w:instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(_element("w:fldChar", **{"w:fldCharType": "separate"}))


def _field_end(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", **{"w:fldCharType": "end"}))


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    _field_start(paragraph, instruction)
    paragraph.add_run(shown)
    _field_end(paragraph)


def toc_field(doc: Document, entries: list[str]) -> None:
    """A TOC field of headings 1-2 whose result, until it is updated, lists the entries; the
    document asks to update its fields when opened, which fills in the page numbers."""
    first = doc.add_paragraph()
    _field_start(first, 'TOC \\o "1-2" \\h \\z \\u')
    last = first
    for entry in entries:
        last = doc.add_paragraph(entry)
    _field_end(last)
    doc.settings.element.append(_element("w:updateFields", **{"w:val": "true"}))


def numbering_restart(doc: Document, style: str | None) -> int | None:
    """A new numbering instance of the list style's numbering, starting at 1, so that every
    numbered list counts from 1 rather than carrying on from the last one."""
    if style is None:
        return None
    num_pr = doc.styles[style].element.find(qn("w:pPr"))
    num_id = None if num_pr is None else num_pr.find(qn("w:numPr"))
    if num_id is None or num_id.find(qn("w:numId")) is None:
        return None
    numbering = doc.part.numbering_part.element
    current = num_id.find(qn("w:numId")).get(qn("w:val"))
    base = next(
        (n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == current), None
    )
    if base is None:
        return None
    abstract = base.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = 1 + max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num")))
    num = _element("w:num", **{"w:numId": str(new_id)})
    num.append(_element("w:abstractNumId", **{"w:val": abstract}))
    override = _element("w:lvlOverride", **{"w:ilvl": "0"})
    override.append(_element("w:startOverride", **{"w:val": "1"}))
    num.append(override)
    numbering.append(num)
    return new_id


def _set_numbering(paragraph: Paragraph, num_id: int, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = _element("w:numPr")
    num_pr.append(_element("w:ilvl", **{"w:val": str(level)}))
    num_pr.append(_element("w:numId", **{"w:val": str(num_id)}))
    p_pr.append(num_pr)


def header_and_footer(doc: Document, frame: Frame) -> None:
    """The marking at the top and foot of every page, the running title, DRAFT for a draft,
    and "Page X of Y"."""
    for section in doc.sections:
        header = section.header.paragraphs[0]
        header.text = ""
        if frame.marking:
            _marking(header, frame.marking)
            header = section.header.add_paragraph()
        header.add_run(frame.header)
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if frame.draft:
            draft = header.add_run("   " + _("DRAFT"))
            draft.bold, draft.font.color.rgb = True, DRAFT_RED
            watermark(section.header.paragraphs[0])
        footer = section.footer.paragraphs[0]
        footer.text = ""
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{frame.footer} · " if frame.footer else "")
        # "Page X of Y" in the reader's words: the text around the two fields
        before, between, after = page_words()
        footer.add_run(before)
        _field(footer, "PAGE", "1")
        footer.add_run(between)
        _field(footer, "NUMPAGES", "1")
        footer.add_run(after)
        if frame.marking:
            _marking(section.footer.add_paragraph(), frame.marking)


def _marking(paragraph: Paragraph, marking: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True
    run.font.size = Pt(11)


WATERMARK_VML = (
    '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s1025" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;margin-top:0;width:470pt;height:120pt;rotation:315;'
    "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" fillcolor="#d8d8d8"'
    ' stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath on="t" fitshape="t" style="font-family:&quot;Arial&quot;;font-size:1pt"'
    ' string="{text}"/></v:shape></w:pict>'
)


def watermark(paragraph: Paragraph) -> None:
    """Word's own kind of text watermark (a VML text path in the header), which Word and
    LibreOffice both show behind every page."""
    run = paragraph.add_run()
    text = escape(_("DRAFT"), {'"': "&quot;"})
    run._r.append(lxml.etree.fromstring(WATERMARK_VML.replace("{text}", text)))


# -- charts ---------------------------------------------------------------------------------------


def svg_png(element: Any) -> bytes:
    """One of the report's inline SVG charts as a PNG at print resolution."""
    svg = lxml.etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS})  # type: ignore[dict-item]
    _copy_svg(element, svg)
    return svg_png_bytes(lxml.etree.tostring(svg), CHART_WIDTH_PX)


def _copy_svg(source: Any, target: Any) -> None:
    """Rebuild the HTML parser's SVG nodes in the SVG namespace, attribute case restored."""
    for key, value in source.attrib.items():
        if key != "xmlns":
            target.set(SVG_ATTRIBUTES.get(key, key), value)
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):
            continue
        copy = lxml.etree.SubElement(target, f"{{{SVG_NS}}}{_tag(child)}")
        _copy_svg(child, copy)
        copy.tail = child.tail


def svg_png_bytes(svg: bytes, width: int) -> bytes:
    # cairosvg's default (unsafe=False) resolves no external file or entity.
    png: bytes = cairosvg.svg2png(bytestring=svg, output_width=width)
    return png


# -- right to left (DESIGN §12) -------------------------------------------------------------------

# Word checks the order of the properties in an element: each new one goes before those that
# the schema puts after it.
AFTER_BIDI = ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")  # fmt: skip
# The order of a run's properties (ECMA-376 CT_RPr), of which a run of ours uses a few.
RUN_PROPERTIES = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
    "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
    "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u",
    "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath")  # fmt: skip
AFTER_BIDI_VISUAL = ("tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")  # fmt: skip
# Word sets Arabic with the complex-script variants of bold and size.
COMPLEX_SCRIPT = {"b": "bCs", "i": "iCs", "sz": "szCs"}
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# a number the templates isolated (LRI … PDI, templating.left_to_right)
ISOLATED = re.compile("(\u2066[^\u2069]*\u2069)")


def _after(name: str) -> tuple[str, ...]:
    return RUN_PROPERTIES[RUN_PROPERTIES.index(name) + 1 :]


def _set_property(properties: Any, name: str, later: tuple[str, ...], **attrs: str) -> None:
    if properties.find(qn(f"w:{name}")) is not None:
        return
    element = _element(f"w:{name}", **attrs)
    following = [child for child in properties if child.tag in {qn(f"w:{t}") for t in later}]
    if following:
        following[0].addprevious(element)
    else:
        properties.append(element)


def right_to_left(doc: Document) -> None:
    """Every paragraph and table of the document, header and footer laid out right to left, and
    runs of Arabic text marked as such, so Word shapes them with their bold and size."""
    parts = [doc.element.body]
    for section in doc.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for p in part.iter(qn("w:p")):
            _set_property(p.get_or_add_pPr(), "bidi", AFTER_BIDI)
        runs = list(part.iter(qn("w:r")))  # all found before any is cut in pieces
        for run in [piece for whole in runs for piece in _isolates_apart(whole)]:
            if ARABIC.search("".join(t.text or "" for t in run.iter(qn("w:t")))):
                props = run.get_or_add_rPr()
                for latin, complex_script in COMPLEX_SCRIPT.items():
                    found = props.find(qn(f"w:{latin}"))
                    if found is not None:
                        values = {f"w:{k.split('}')[-1]}": v for k, v in found.attrib.items()}
                        _set_property(props, complex_script, _after(complex_script), **values)
                _set_property(props, "rtl", _after("rtl"))
        for table in part.iter(qn("w:tbl")):
            _set_property(table.tblPr, "bidiVisual", AFTER_BIDI_VISUAL)


def _isolates_apart(run: Any) -> list[Any]:
    """A run of Arabic words and isolated numbers cut into runs of each: a run marked right to left
    lays out its digits and sign right to left too ("-15.5" came out "15.5-"). Each number is
    embedded left to right (LRE ... PDF) instead of isolated (LRI ... PDI): LibreOffice ignores
    isolates, Word honours both."""
    texts = run.findall(qn("w:t"))
    if len(texts) != 1 or "\u2066" not in (texts[0].text or ""):
        return [run]
    pieces = [piece for piece in ISOLATED.split(texts[0].text) if piece]
    runs = [run] if len(pieces) == 1 else [copy.deepcopy(run) for _ in pieces]
    for piece, part in zip(pieces, runs, strict=True):
        text = part.find(qn("w:t"))
        text.text = piece.replace("\u2066", "\u202a").replace("\u2069", "\u202c")
        text.set(qn("xml:space"), "preserve")
        if part is not run:
            run.addprevious(part)
    if runs[0] is not run:
        run.getparent().remove(run)
    return runs


# -- the file -------------------------------------------------------------------------------------


def new_document(reference: Path | None) -> Document:
    """The reviewers' reference document (its styles, page and margins) emptied of its text, or
    python-docx's default set to A4."""
    if reference is None:
        doc = docx.Document()
        for section in doc.sections:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, Cm(2))
        # A font every Word has (LibreOffice shows a metric twin); a reviewer's reference
        # document sets its own.
        normal = doc.styles["Normal"].font
        normal.name, normal.size = "Arial", Pt(10)
        return doc
    doc = docx.Document(str(reference))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def html_to_docx(html: str, reference: Path | None = None) -> bytes:
    """The .docx of a rendered HTML report: same content, same order."""
    root = lxml.html.document_fromstring(html)
    frame = frame_of(root)
    doc = new_document(reference)
    body = root.find("body")
    Writer(doc).blocks(body if body is not None else root, doc)
    header_and_footer(doc, frame)
    properties(doc, frame)
    if root.get("dir") == "rtl":
        right_to_left(doc)
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue(), frame.created)


def blank_reference() -> bytes:
    """The reference document ncr uses when a reviewer has none: edit its styles in Word."""
    out = io.BytesIO()
    new_document(None).save(out)
    return stable_zip(out.getvalue(), None)


def word_report(html: str, look: ReportLook) -> bytes:
    """The .docx of a report rendered for Word, styled by the reviewers' reference document."""
    return html_to_docx(html, reference_docx(look.templates))


def properties(doc: Document, frame: Frame) -> None:
    core = doc.core_properties
    core.title = frame.title
    core.author = "; ".join(frame.authors)
    core.last_modified_by = ""
    core.revision = 1
    core.comments = ""
    if frame.created is not None:
        moment = dt.datetime.combine(frame.created, dt.time())
        core.created = core.modified = moment
        core.last_printed = moment


def stable_zip(data: bytes, day: dt.date | None) -> bytes:
    """The same file with every member stamped with the review date instead of the clock, so the
    same inputs give the same bytes."""
    stamp = (day or dt.date(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
