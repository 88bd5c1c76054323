// Hand-made .xlsx files for import tests: an honest small workbook, and the shapes an attacker
// would send (a sheet that unpacks to far more than it weighs, more rows than allowed).
import { writeFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const rootRels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const workbook =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kontak" sheetId="1" r:id="rId1"/></sheets></workbook>';
const workbookRels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** The XML of one sheet's rows of text cells, with `padding` bytes of blanks inside (they unpack, and weigh nearly nothing packed). */
export function sheetXml(rows: readonly (readonly string[])[], padding = 0): Buffer {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((cell, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`).join("")}</row>`)
    .join("");
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  return Buffer.concat([Buffer.from(head + body), Buffer.alloc(padding, 0x20), Buffer.from("</sheetData></worksheet>")]);
}

/** A workbook of one sheet (given as its XML), written as a zip with deflated entries. */
export function writeWorkbook(path: string, sheet: Buffer, extra: Record<string, Buffer> = {}): void {
  writeFileSync(
    path,
    zip({
      "[Content_Types].xml": Buffer.from(contentTypes),
      "_rels/.rels": Buffer.from(rootRels),
      "xl/workbook.xml": Buffer.from(workbook),
      "xl/_rels/workbook.xml.rels": Buffer.from(workbookRels),
      ...extra,
      "xl/worksheets/sheet1.xml": sheet,
    }),
  );
}

function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0);
    fields.writeUInt16LE(0, 2);
    fields.writeUInt16LE(8, 4);
    fields.writeUInt32LE(0, 6);
    fields.writeUInt32LE(crc32(data), 10);
    fields.writeUInt32LE(packed.length, 14);
    fields.writeUInt32LE(data.length, 18);
    fields.writeUInt16LE(nameBytes.length, 22);
    fields.writeUInt16LE(0, 24);
    const local = Buffer.concat([u32(0x04034b50), fields, nameBytes, packed]);
    // Comment length, disk, internal and external attributes (all zero), then where the entry starts.
    const trailer = Buffer.alloc(14);
    trailer.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), fields, trailer, nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(18);
  end.writeUInt16LE(0, 0);
  end.writeUInt16LE(0, 2);
  end.writeUInt16LE(central.length, 4);
  end.writeUInt16LE(central.length, 6);
  end.writeUInt32LE(directory.length, 8);
  end.writeUInt32LE(offset, 12);
  end.writeUInt16LE(0, 16);
  return Buffer.concat([...locals, directory, u32(0x06054b50), end]);
}

const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
};
const u16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
};
