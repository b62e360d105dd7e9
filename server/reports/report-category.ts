/** What a report is about, as the 12369 hotline sorts reports. */
export const REPORT_CATEGORIES = [
  'air',
  'water',
  'noise',
  'solid_waste',
  'soil',
  'radiation',
  'ecological_damage',
  'livestock',
] as const

export type ReportCategory = (typeof REPORT_CATEGORIES)[number]

export function isReportCategory(value: unknown): value is ReportCategory {
  return (REPORT_CATEGORIES as readonly unknown[]).includes(value)
}
