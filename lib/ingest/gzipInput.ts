/**
 * Gzip-compressed CSV input (`events.csv.gz`, or a gzip file named `.csv`): recognised by its magic
 * bytes, not its name. DuckDB's CSV reader decompresses as it reads, so a clean file (UTF-8, one kind
 * of line ending) is never unpacked on disk; only the checks made before DuckDB reads it (the header,
 * the text scan of utf8Copy.ts) decompress it here, streaming. A file that needs a rewritten copy
 * anyway (Latin-1, invalid UTF-8, mixed line endings), and the rare read that must number rejected
 * rows around blank lines, go through a decompressed temporary copy.
 */
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { constants, createGunzip, gunzipSync } from "node:zlib";

/** Whether the file starts with gzip's magic bytes 1f 8b. */
export function isGzipFile(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Up to `bytes` of the decompressed start of a gzip file (the compressed file may be read only in part). */
export function gunzipHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, "r");
  try {
    // Text compresses 3–10×; read compressed bytes until the head is long enough or the file ends.
    for (let compressed = 1 << 16; ; compressed *= 4) {
      const buffer = Buffer.alloc(compressed);
      const n = readSync(fd, buffer, 0, compressed, 0);
      // Z_SYNC_FLUSH: give back what a truncated stream decodes to instead of failing at its missing end.
      const out = gunzipSync(buffer.subarray(0, n), { finishFlush: constants.Z_SYNC_FLUSH });
      if (out.length >= bytes || n < compressed) return out.subarray(0, bytes);
    }
  } finally {
    closeSync(fd);
  }
}

/** The same answers as utf8Copy's scanText, over the decompressed bytes, streamed. */
export async function scanGzipText(file: string): Promise<{ utf8: boolean; mixedLineEndings: boolean }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let utf8 = true;
  let crlf = false;
  let lf = false;
  let previousLast = -1;
  const gunzip = createGunzip();
  gunzip.on("data", (chunk: Buffer) => {
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    if (!(crlf && lf)) {
      for (let at = chunk.indexOf(0x0a); at >= 0 && !(crlf && lf); at = chunk.indexOf(0x0a, at + 1)) {
        if ((at > 0 ? chunk[at - 1]! : previousLast) === 0x0d) crlf = true;
        else lf = true;
      }
    }
    if (chunk.length > 0) previousLast = chunk[chunk.length - 1]!;
  });
  await pipeline(createReadStream(file), gunzip);
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false; // the file ends inside a multi-byte sequence
    }
  }
  return { utf8, mixedLineEndings: crlf && lf };
}

/** Decompresses a gzip file to `target`, streamed. */
export async function gunzipToFile(file: string, target: string): Promise<void> {
  await pipeline(createReadStream(file), createGunzip(), createWriteStream(target));
}
