"""Writes two PDFs whose text layer is unusable: GBK bytes shown in a Latin font (mojibake), and
glyphs mapped by their ToUnicode CMap to private-use code points."""

def pdf(content: bytes, font: bytes, extra: list[bytes]) -> bytes:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            font,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"] + extra
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)

def lines(texts: list[bytes]) -> bytes:
    body = b"BT /F1 12 Tf 72 760 Td 16 TL\n"
    for t in texts:
        body += b"(" + t.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '\n"
    return body + b"ET"

report = "测试机关2023年政府信息公开工作年度报告 一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21".encode("gbk")
helv = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
with open("garbled-latin.pdf", "wb") as f:
    f.write(pdf(lines([report] * 12), helv, []))

cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /PUA def 1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <E020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"""
pua_font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
stream = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
with open("garbled-private-use.pdf", "wb") as f:
    f.write(pdf(lines([b"Report of the agency, table three, new requests 21 0 0 0 0 0 21"] * 12), pua_font, [stream]))

# The table page turned a quarter (/Rotate 90 added to the page): its text then runs down the displayed page.
data = open("table4.pdf", "rb").read()
at = data.find(b"/Type/Page/")
with open("table4-turned.pdf", "wb") as f:
    f.write(data[:at] + b"/Rotate 90" + data[at:])
