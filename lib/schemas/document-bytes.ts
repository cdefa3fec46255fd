// How an uploaded document's bytes become its text. Shared by the import's
// readers, the CLI and the upload form (which decodes in the browser), so a
// file that is not valid UTF-8 reads the same everywhere.

// Windows-1252's characters for 0x80–0x9F (0x81 0x8D 0x8F 0x90 0x9D are undefined).
export const CP1252_HIGH: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž",
  0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

// By table: some runtimes decode the label "windows-1252" as Latin-1.
const windows1252 = (byte: number) => (byte >= 0xa0 ? String.fromCharCode(byte) : (CP1252_HIGH[byte] ?? ""));

// One line that is not valid UTF-8: its valid sequences are kept, and each
// byte that fits none is read as Windows-1252, the likeliest origin of such a
// file ("Caf\xe9" is "Café"). The five bytes 1252 leaves undefined are dropped.
function decodeMixedLine(bytes: Uint8Array): string {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= bytes.length) {
      try {
        out += utf8.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // Not a sequence: read the lead byte alone below.
      }
    }
    out += windows1252(lead);
    i += 1;
  }
  return out;
}

/**
 * A file's bytes → its text and the 1-based lines that were not valid UTF-8
 * (read as Windows-1252 instead, never as U+FFFD). A byte-order mark is dropped.
 */
export function decodeDocumentBytes(bytes: Uint8Array): { text: string; invalidLines: number[] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), invalidLines: [] };
  } catch {
    // Some lines are not UTF-8: decode line by line below.
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const parts: string[] = [];
  const lines: number[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(slice));
    } catch {
      parts.push(decodeMixedLine(slice));
      lines.push(line);
    }
    start = end + 1;
  }
  return { text: parts.join("\n"), invalidLines: lines };
}

