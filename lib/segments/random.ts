/**
 * Seeded randomness for everything in segmentation that samples (silhouette/fit samples, bootstrap,
 * PCA points), on the project's seeded generator, so a seed means the same thing on every machine.
 */

import { Rng as RandomSource } from "../random/rng";

/** A function returning uniform numbers in [0, 1). */
export type Rng = () => number;

/** A uniform stream for a seed, drawn from the project's one seeded generator (lib/random/rng.ts). */
export function uniformStream(seed: number): Rng {
  const source = new RandomSource(seed);
  return () => source.next();
}

/**
 * An independent sub-seed for one purpose ("fit-sample", "restart-3", …), so that adding a new use of
 * randomness never shifts the streams the others see. FNV-1a over the label, mixed with the seed.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that nearby seeds give unrelated streams.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  // ml-kmeans feeds the seed to ml-random, which wants a positive integer.
  return (hash >>> 0) || 1;
}

/** A seeded permutation of 0…n-1 (Fisher–Yates). Prefixes of it are nested seeded samples. */
export function seededPermutation(n: number, seed: number): Int32Array {
  const rng = uniformStream(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}

/** The first `size` entries of a permutation, sorted ascending so sampled rows keep the users' order. */
export function samplePrefix(permutation: Int32Array, size: number): Int32Array {
  return permutation.slice(0, Math.min(size, permutation.length)).sort();
}

/** `size` indices drawn with replacement from 0…n-1 (a bootstrap resample). */
export function bootstrapIndices(n: number, size: number, rng: Rng): Int32Array {
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) out[i] = Math.floor(rng() * n);
  return out;
}
