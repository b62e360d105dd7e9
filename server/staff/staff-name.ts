/**
 * When two staff names are the same person. Names are kept as typed, for lists and the audit
 * log, but compared by this key, so that names that look alike are not two people: `Bob`,
 * `bob` and full-width `Ｂｏｂ` (NFKC makes compatibility forms plain), and `bob ` with a space
 * at its end, which the staff command refuses but a database from an older version may hold.
 */
export function staffNameKey(name: string): string {
  // JavaScript has no Unicode case folding: upper then lower case folds as it does where it
  // matters for names (ß and SS, final σ and Σ, İ), and NFKC again composes what casing split.
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').trim()
}

/** Whether two staff names are the same person; see staffNameKey. */
export function sameStaffName(a: string, b: string): boolean {
  return staffNameKey(a) === staffNameKey(b)
}
