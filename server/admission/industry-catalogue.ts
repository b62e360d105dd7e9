import type { Queryable } from '../db/database.ts'

/** One entry of the GB/T 4754-2017 catalogue as stored. */
export interface Industry {
  code: string
  name_zh: string
  name_en: string | null
  level: 'section' | 'division' | 'group' | 'class'
  parent_code: string | null
}

const COLUMNS = 'code, name_zh, name_en, level, parent_code'

/** The industry with this exact code, or undefined when the catalogue has none. */
export async function industryByCode(db: Queryable, code: string): Promise<Industry | undefined> {
  const [row] = await db.query<Industry>(`SELECT ${COLUMNS} FROM industries WHERE code = $1`, [
    code,
  ])
  return row
}

/** An industry with the chain of broader ones above it (section first) and those just below. */
export interface IndustryFamily {
  industry: Industry
  ancestors: Industry[]
  children: Industry[]
}

/** The industry with this code and its family, or undefined when the catalogue has none. */
export async function industryFamily(
  db: Queryable,
  code: string,
): Promise<IndustryFamily | undefined> {
  // Codes nest by prefix, so the ancestors are the catalogued prefixes of the code.
  const rows = await db.query<Industry & { relation: 'self' | 'ancestor' | 'child' }>(
    `SELECT ${COLUMNS},
            CASE WHEN code = $1 THEN 'self'
                 WHEN parent_code = $1 THEN 'child'
                 ELSE 'ancestor' END AS relation
       FROM industries
      WHERE code = $1 OR parent_code = $1
         OR (length(code) < length($1) AND left($1, length(code)) = code)
      ORDER BY length(code), code`,
    [code],
  )
  const self = rows.find((row) => row.relation === 'self')
  if (!self) return undefined
  const plain = ({ relation: _, ...industry }: (typeof rows)[number]): Industry => industry
  return {
    industry: plain(self),
    ancestors: rows.filter((row) => row.relation === 'ancestor').map(plain),
    children: rows.filter((row) => row.relation === 'child').map(plain),
  }
}

export interface IndustrySearch {
  industries: Industry[]
  /** Whether more industries match than the limit let through. */
  more: boolean
}

/**
 * Industries whose code starts with `text` or whose Chinese or English name contains it, best
 * first: the exact code, then codes under it, then names equal to it, starting with it, and
 * containing it; within each, broader (shorter) codes first. Digits alone match the code after
 * its section letter, as people often write "2614" for C2614. Case is ignored for codes and
 * English names. At most `limit` results.
 */
export async function searchIndustries(
  db: Queryable,
  text: string,
  limit: number,
): Promise<IndustrySearch> {
  // strpos and left() rather than LIKE, so % and _ in the text are plain characters.
  const rows = await db.query<Industry>(
    `WITH q AS (
       SELECT $1::text AS text, upper($1::text) AS code, lower($1::text) AS lower,
              $1::text ~ '^[0-9]+$' AS digits)
     SELECT ${COLUMNS} FROM (
       SELECT i.*,
              CASE WHEN i.code = q.code OR (q.digits AND substr(i.code, 2) = q.text) THEN 0
                   WHEN left(i.code, length(q.code)) = q.code
                     OR (q.digits AND left(substr(i.code, 2), length(q.text)) = q.text) THEN 1
                   WHEN i.name_zh = q.text OR lower(i.name_en) = q.lower THEN 2
                   WHEN left(i.name_zh, length(q.text)) = q.text
                     OR left(lower(i.name_en), length(q.lower)) = q.lower THEN 3
                   WHEN strpos(i.name_zh, q.text) > 0 OR strpos(lower(i.name_en), q.lower) > 0
                   THEN 4
              END AS rank
         FROM industries i, q
     ) ranked
     WHERE rank IS NOT NULL
     ORDER BY rank, length(code), code
     LIMIT $2`,
    [text, limit + 1],
  )
  return { industries: rows.slice(0, limit), more: rows.length > limit }
}
