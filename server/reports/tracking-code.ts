import { randomBytes } from 'node:crypto'

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const GROUPS = 4
const GROUP_LENGTH = 5

/**
 * A new tracking code: 100 random bits as 20 base32 characters in groups of five
 * (`7K3QD-M2X9R-…`). Codes carry no sequence, so one code says nothing about any other.
 */
export function newTrackingCode(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH)
  // Each byte gives 5 bits: 256 is a multiple of 32, so the characters stay uniform.
  const characters = [...bytes].map((byte) => ALPHABET[byte % 32]!)
  const groups: string[] = []
  for (let i = 0; i < GROUPS; i++) {
    groups.push(characters.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''))
  }
  return groups.join('-')
}

/**
 * Reads a tracking code as people type it: any case, in full-width forms too, with or without
 * the hyphens (or other dashes), with O for 0 and I or L for 1 as Crockford's base32 allows.
 * Returns the canonical form, or undefined when the text cannot be a tracking code.
 */
export function parseTrackingCode(text: string): string | undefined {
  // Typed on a phone in full-width mode (NFKC makes its forms plain), or pasted with the dash a
  // word processor put in.
  const compact = text
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[-\u2010-\u2015\u2212]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (compact.length !== GROUPS * GROUP_LENGTH) return undefined
  if (![...compact].every((c) => ALPHABET.includes(c))) return undefined
  return compact.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-')
}
