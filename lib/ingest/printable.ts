/**
 * Text from a user's files shown in a terminal: control characters (an ESC from a header can recolour
 * or rewrite the terminal) and bidirectional controls (U+202E makes "\u202egnp.exe" read "exe.png")
 * are written as visible escapes, `\x1b` or `\u202e`. Everything else is kept.
 */
// C0 and C1 controls (tab and line feed too: a message is one line), and the bidi embedding, override,
// isolate and mark characters.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(HIDDEN, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
