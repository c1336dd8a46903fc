/**
 * Pseudonymised user ids: "u_" + the first 16 hex digits of HMAC-SHA256(key, user_id). A keyed hash, so
 * nobody without the key can test a guessed id against the published ones; the same key gives the same
 * pseudonyms in every build. Computed in DuckDB from the two HMAC pads, which depend on the key only.
 * 64 bits: the chance that two of a million users collide is about 3 in 100 million.
 */
import { createHash, createHmac } from "node:crypto";

const BLOCK = 64;

function pads(key: string): { inner: string; outer: string } {
  let k = Buffer.from(key, "utf8");
  if (k.length > BLOCK) k = createHash("sha256").update(k).digest();
  const padded = Buffer.alloc(BLOCK);
  k.copy(padded);
  const xor = (byte: number) => Buffer.from(padded.map((b) => b ^ byte)).toString("hex");
  return { inner: xor(0x36), outer: xor(0x5c) };
}

/** SQL for the pseudonym of the VARCHAR expression `ref` (NULL stays NULL). */
export function pseudonymSql(ref: string, key: string): string {
  const { inner, outer } = pads(key);
  const innerHash = `unhex(sha256(unhex('${inner}') || encode(${ref})))`;
  return `CASE WHEN ${ref} IS NOT NULL THEN 'u_' || left(sha256(unhex('${outer}') || ${innerHash}), 16) END`;
}

/** The same pseudonym computed in JavaScript, for tests and for anyone checking a published id. */
export function pseudonym(userId: string, key: string): string {
  return "u_" + createHmac("sha256", key).update(userId, "utf8").digest("hex").slice(0, 16);
}

/** Shorter keys are refused: an empty or short key would make the hash guessable. */
export const MIN_PSEUDONYM_KEY_LENGTH = 8;

/** A key must be given: an empty or missing key would make the hash guessable. */
export function checkPseudonymKey(key: string | undefined): string {
  if (!key || key.length < MIN_PSEUDONYM_KEY_LENGTH) {
    throw new Error(`pseudonymising user ids needs a key of at least ${MIN_PSEUDONYM_KEY_LENGTH} characters (EVENT_KIT_PSEUDONYM_KEY or --pseudonym-key)`);
  }
  return key;
}
