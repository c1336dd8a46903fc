// Text from a brought file, for the page: bidirectional controls (U+202E turns "\u202egnp.exe" into what
// reads "exe.png") and other invisible control characters are shown as visible marks such as ⟨U+202E⟩,
// so the reader sees the text as it is stored. Pure (no DOM) so Node tests can import it.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export function visibleText(text: string): string {
  return text.replace(HIDDEN, (ch) => `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
