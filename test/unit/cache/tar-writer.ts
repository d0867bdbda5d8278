// Test helper: writes .tar.gz archives entry by entry, including the malformed and malicious
// entries a real tar tool would refuse to make (names with "..", absolute names, links that leave
// the archive), so the extractor's refusals can be tested.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface TarEntry {
  name: string;
  /** "0" file (default), "5" folder, "2" symlink, "1" hard link, "3" character device, "x" pax header, "g" global pax header. */
  type?: string;
  body?: Buffer | string;
  linkname?: string;
}

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value.slice(0, length), offset, length, "utf8");
}

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  field(buf, offset, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
}

export function tarEntry(e: TarEntry): Buffer {
  const body = Buffer.from(e.body ?? "");
  const header = Buffer.alloc(512);
  field(header, 0, 100, e.name);
  octal(header, 100, 8, e.type === "5" ? 0o755 : 0o644);
  octal(header, 108, 8, 0);
  octal(header, 116, 8, 0);
  octal(header, 124, 12, body.length);
  octal(header, 136, 12, 1_700_000_000);
  field(header, 148, 8, "        ");
  field(header, 156, 1, e.type ?? "0");
  field(header, 157, 100, e.linkname ?? "");
  field(header, 257, 6, "ustar\0");
  field(header, 263, 2, "00");
  let sum = 0;
  for (const b of header) sum += b;
  field(header, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header, body, padding]);
}

/** A pax record set ("path=…") as GitHub writes for long names and its global commit header. */
export function paxBody(records: Record<string, string>): string {
  let out = "";
  for (const [k, v] of Object.entries(records)) {
    const rest = ` ${k}=${v}\n`;
    let len = rest.length + 1;
    while (String(len).length + rest.length !== len) len = String(len).length + rest.length;
    out += `${len}${rest}`;
  }
  return out;
}

export function tarGz(entries: TarEntry[]): Buffer {
  return zlib.gzipSync(Buffer.concat([...entries.map(tarEntry), Buffer.alloc(1024)]));
}

/** Every file and folder below `dir`, under `top/`, as GitHub's archives lay a repository out. */
export function entriesOfDir(dir: string, top: string): TarEntry[] {
  const out: TarEntry[] = [{ name: "pax_global_header", type: "g", body: paxBody({ comment: "0123456789abcdef0123456789abcdef01234567" }) }, { name: `${top}/`, type: "5" }];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (fs.statSync(path.join(dir, r)).isDirectory()) {
        out.push({ name: `${top}/${r}/`, type: "5" });
        walk(r);
      } else out.push({ name: `${top}/${r}`, body: fs.readFileSync(path.join(dir, r)) });
    }
  };
  walk("");
  return out;
}
