/**
 * The divisions of each section of GB/T 4754-2017, first and last. A division's two digits are
 * numbered across the whole classification, so the section letter in front of them is fixed by
 * them: C26 is chemical manufacturing, and A26 names nothing. The 2011 edition numbered the
 * last sections one lower (R 85–89); its codes from there on would be read as other divisions.
 */
const SECTION_DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
}

/** The section holding a division number; undefined when no section has it (00, 98, 99). */
export function sectionOfDivision(division: number): string | undefined {
  for (const [section, [first, last]] of Object.entries(SECTION_DIVISIONS)) {
    if (division >= first && division <= last) return section
  }
  return undefined
}

/**
 * Why a code's division does not belong to its section letter, as a sentence; undefined when it
 * does, or when the code is a section. Expects a code of the form A, A01, A011 or A0111.
 */
export function divisionProblem(code: string): string | undefined {
  if (code.length < 3) return undefined
  const digits = code.slice(1, 3)
  const section = sectionOfDivision(Number(digits))
  if (section === undefined) {
    return `${code}: GB/T 4754-2017 has no division ${digits} (its divisions run 01 to 97).`
  }
  if (section === code[0]) return undefined
  return `${code}: division ${digits} is in section ${section} of GB/T 4754-2017, not ${code[0]}.`
}
