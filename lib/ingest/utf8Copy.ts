/**
 * Text that DuckDB's CSV reader cannot be trusted with. Its own handling of bytes that are not UTF-8
 * (store_rejects) loses rows or fails with an internal error once there are many of them (seen with
 * DuckDB 1.5 on 300,000 rows), and its latin-1 decoder refuses the bytes 0x80–0x9F. So the file is
 * checked here first, at native speed; only a file that is not valid UTF-8 is rewritten, to a
 * temporary copy in which every invalid byte sequence becomes U+FFFF (a noncharacter no export
 * writes), and the rows holding it are set aside as "invalid UTF-8" with their exact row numbers.
 * The copy changes no ASCII byte, so delimiters, quotes, line breaks and therefore rows stay as they were.
 * A Latin-1 file (a mapping's csv.encoding) is transcoded to UTF-8 the same way.
 *
 * Mixed line endings (CRLF in some lines, LF in others, as when files from two systems are joined)
 * stop DuckDB's strict CSV reader with "the state machine reached an invalid state", naming no row. A
 * copy can end every line with LF instead: CRLF becomes LF everywhere, inside quoted values too (a
 * value's line breaks are then LF), and rows stay as they were.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync, writeSync } from "node:fs";

export const INVALID_MARK = "\uFFFF";
const MARK_BYTES = Buffer.from(INVALID_MARK, "utf8");
const CHUNK = 16 << 20;

/** Where a chunk can be cut without splitting a multi-byte sequence: before a trailing lead byte. */
function safeEnd(chunk: Buffer, last: boolean): number {
  if (last) return chunk.length;
  for (let i = chunk.length - 1; i >= Math.max(0, chunk.length - 4); i--) {
    const byte = chunk[i]!;
    if (byte < 0x80) return chunk.length;
    if (byte >= 0xc0) return i;
  }
  return chunk.length;
}

/** Calls `each` with the file's bytes in chunks that never split a UTF-8 sequence. */
function forEachChunk(file: string, each: (chunk: Buffer) => void, chunkSize = CHUNK): void {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(chunkSize + 4);
    let carried = 0;
    for (;;) {
      const n = readSync(fd, buffer, carried, chunkSize, null);
      const filled = carried + n;
      const last = n === 0;
      const end = safeEnd(buffer.subarray(0, filled), last);
      if (end > 0) each(buffer.subarray(0, end));
      carried = filled - end;
      buffer.copy(buffer, 0, end, filled);
      if (last) break;
    }
  } finally {
    closeSync(fd);
  }
}

/** `chunkSize` is for tests: every size must give the same answer. */
export function isUtf8File(file: string, chunkSize = CHUNK): boolean {
  return scanText(file, chunkSize).utf8;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Buffer, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The chunk with each invalid byte replaced by the mark (consecutive invalid bytes by one mark). */
function markInvalid(chunk: Buffer): Buffer {
  if (isUtf8(chunk)) return chunk;
  const parts: Buffer[] = [];
  let start = 0;
  let i = 0;
  while (i < chunk.length) {
    const n = sequenceLength(chunk, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(chunk.subarray(start, i), MARK_BYTES);
    i++;
    while (i < chunk.length && chunk[i]! >= 0x80 && sequenceLength(chunk, i) === 0) i++;
    start = i;
  }
  parts.push(chunk.subarray(start));
  return Buffer.concat(parts);
}

const CR = 0x0d;
const LF = 0x0a;

/** Whether some lines of the file end with CRLF and others with a bare LF. */
export function hasMixedLineEndings(file: string, chunkSize = CHUNK): boolean {
  return scanText(file, chunkSize).mixedLineEndings;
}

/**
 * What the reader must know of a file before DuckDB reads it, in one pass over its bytes: whether it
 * is valid UTF-8, and whether it mixes CRLF and LF line ends.
 */
export function scanText(file: string, chunkSize = CHUNK): { utf8: boolean; mixedLineEndings: boolean } {
  let utf8 = true;
  let crlf = false;
  let lf = false;
  let previousLast = -1; // the last byte of the previous chunk
  forEachChunk(file, (chunk) => {
    if (utf8 && !isUtf8(chunk)) utf8 = false;
    if (!(crlf && lf)) {
      for (let at = chunk.indexOf(LF); at >= 0 && !(crlf && lf); at = chunk.indexOf(LF, at + 1)) {
        if ((at > 0 ? chunk[at - 1]! : previousLast) === CR) crlf = true;
        else lf = true;
      }
    }
    previousLast = chunk[chunk.length - 1]!;
  }, chunkSize);
  return { utf8, mixedLineEndings: crlf && lf };
}

/**
 * The bytes with every CRLF made LF. A CR that ends the chunk is held back (`pendingCr`) until the
 * next chunk's first byte says whether an LF follows it; the caller writes a CR still held at the end.
 */
function toLineFeeds(chunk: Buffer, state: { pendingCr: boolean }): Buffer {
  const parts: Buffer[] = [];
  if (state.pendingCr && chunk[0] !== LF) parts.push(Buffer.of(CR));
  const end = chunk[chunk.length - 1] === CR ? chunk.length - 1 : chunk.length;
  let start = 0;
  for (let at = chunk.indexOf(CR); at >= 0 && at < end; at = chunk.indexOf(CR, at + 1)) {
    if (chunk[at + 1] === LF) {
      parts.push(chunk.subarray(start, at));
      start = at + 1;
    }
  }
  parts.push(chunk.subarray(start, end));
  state.pendingCr = end < chunk.length;
  return Buffer.concat(parts);
}

export interface CopyOptions {
  /** End every line with LF (see the file's comment). */
  lineFeeds?: boolean;
  /** For tests: every size must give the same copy. */
  chunkSize?: number;
}

/** Writes `file` as UTF-8 to `target`: Latin-1 transcoded, or UTF-8 with invalid bytes marked. */
export function writeUtf8Copy(file: string, encoding: "utf-8" | "latin-1", target: string, options: CopyOptions = {}): void {
  const { lineFeeds = false, chunkSize = CHUNK } = options;
  const out = openSync(target, "w");
  const state = { pendingCr: false };
  try {
    forEachChunk(file, (chunk) => {
      const converted = encoding === "latin-1" ? Buffer.from(chunk.toString("latin1"), "utf8") : markInvalid(chunk);
      writeSync(out, lineFeeds ? toLineFeeds(converted, state) : converted);
    }, chunkSize);
    if (state.pendingCr) writeSync(out, Buffer.of(CR));
  } finally {
    closeSync(out);
  }
}
