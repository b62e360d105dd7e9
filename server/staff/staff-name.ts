/**
 * When two staff names are the same person. Names are kept as typed, for lists and the audit
 * log, but compared by this key, so that names that look alike are not two people: `Bob`,
 * `bob` and full-width `Ｂｏｂ` (NFKC makes compatibility forms plain), and `bob ` with a space
 * at its end or `bob  li` with two inside, which the staff command refuses but a database from
 * an older version may hold. Letters of other scripts that look alike (Cyrillic о) are not
 * matched here; the staff command refuses names that mix such scripts.
 */
export function staffNameKey(name: string): string {
  // JavaScript has no Unicode case folding: upper then lower case folds as it does where it
  // matters for names (ß and SS, final σ and Σ, İ), and NFKC again composes what casing split.
  // Runs of spaces count as one, as they read.
  const folded = name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')
  return folded.trim().replace(/\s+/gu, ' ')
}

/** Whether two staff names are the same person; see staffNameKey. */
export function sameStaffName(a: string, b: string): boolean {
  return staffNameKey(a) === staffNameKey(b)
}
