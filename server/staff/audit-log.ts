import type { Queryable } from '../db/database.ts'

export interface AuditEntry {
  /** A staff name, or `cli` for the staff command. */
  actor: string
  /** What was done, as `subject.verb`: `report.viewed`, `report.moved`, `staff.added`, … */
  action: string
  reportId?: number
  detail?: Record<string, unknown>
}

/**
 * Appends one entry to the audit log. Run it in the transaction of the change it records, so
 * both commit or neither. The table refuses UPDATE, DELETE and TRUNCATE by trigger.
 */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor, action, report_id, detail) VALUES ($1, $2, $3, $4::jsonb)`,
    [entry.actor, entry.action, entry.reportId ?? null, JSON.stringify(entry.detail ?? {})],
  )
}

export interface AuditRow {
  id: number
  at: Date
  actor: string
  action: string
  tracking_code: string | null
  detail: Record<string, unknown>
}

/** Audit entries, newest first, of one report when `reportId` is given; at most `limit`. */
export async function readAudit(
  db: Queryable,
  options: { reportId?: number; limit: number; beforeId?: number },
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT a.id::integer AS id, a.at, a.actor, a.action, r.tracking_code, a.detail
       FROM audit_log a LEFT JOIN reports r ON r.id = a.report_id
      WHERE ($1::bigint IS NULL OR a.report_id = $1)
        AND ($2::bigint IS NULL OR a.id < $2)
      ORDER BY a.id DESC
      LIMIT $3`,
    [options.reportId ?? null, options.beforeId ?? null, options.limit],
  )
}
