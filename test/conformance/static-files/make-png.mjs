// Writes site/assets/img/pixel.png: a valid 2×2 RGBA PNG with a byte above 0x7F in every chunk,
// so a copier that treats static files as UTF-8 text corrupts it. Run once; the PNG is committed.
import fs from "node:fs";
import zlib from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(2, 0); // width
ihdr.writeUInt32BE(2, 4); // height
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const rows = Buffer.from([0, 0xff, 0x00, 0x80, 0xff, 0x00, 0xc0, 0xff, 0xfe, 0, 0x10, 0x20, 0x30, 0xff, 0xe9, 0xd8, 0xc7, 0x80]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", ihdr),
  chunk("IDAT", zlib.deflateSync(rows)),
  chunk("IEND", Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "site/assets/img/pixel.png");
fs.writeFileSync(out, png);
