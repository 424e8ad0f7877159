/**
 * Fixed-width bitsets over `Uint32Array`, the representation of category and purpose sets
 * in a compiled policy. Bit `i` lives in word `i >>> 5` at position `i & 31`.
 */

/** Number of 32-bit words needed for `size` bits (at least one, so masks are never empty arrays). */
export function wordsFor(size: number): number {
  return Math.max(1, Math.ceil(size / 32));
}

/** Sets bit `bit` in the bitset that starts at word `offset` of `words`. */
export function setBit(words: Uint32Array, offset: number, bit: number): void {
  const w = offset + (bit >>> 5);
  words[w] = (words[w] ?? 0) | (1 << (bit & 31));
}

/** Whether bit `bit` is set in the bitset that starts at word `offset` of `words`. */
export function hasBit(words: Uint32Array, offset: number, bit: number): boolean {
  return (((words[offset + (bit >>> 5)] ?? 0) >>> (bit & 31)) & 1) === 1;
}

/** A bitset of `words` words with the given bits set. */
export function bitsetOf(words: number, bits: Iterable<number>): Uint32Array {
  const out = new Uint32Array(words);
  for (const bit of bits) setBit(out, 0, bit);
  return out;
}

/** Indexes of the set bits, ascending. */
export function bitsOf(words: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let w = 0; w < words.length; w++) {
    let m = (words[w] ?? 0) >>> 0;
    while (m !== 0) {
      const low = m & -m;
      out.push(w * 32 + (31 - Math.clz32(low)));
      m = (m ^ low) >>> 0;
    }
  }
  return out;
}
