import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { reportAt, type ErrorAnswer } from '../reports/support/report-requests.ts'
import { staffFetch, tokenFor } from './support/staff-client.ts'

interface Detail {
  status: string
  assignee: string | null
  referredTo: string | null
  deadlines: { acceptBy: string; closeBy: string | null; overdue: string | null }
  extension: { days: number; reason: string } | null
  history: { status: string; at: string; actor: string | null; note: string | null }[]
}

const DAY = 86_400_000

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`report status changes ${backend.title}`, () => {
    let server: TestServer
    let officer: string
    let supervisor: string
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
      officer = await tokenFor(server.db, 'officer', 'officer zhao')
      supervisor = await tokenFor(server.db, 'supervisor', 'chief qian')
    })
    afterAll(() => server?.close())

    const newReport = async () => {
      const response = await server.postJson('/api/reports', reportAt(112.17, 27.03))
      return ((await response.json()) as { trackingCode: string }).trackingCode
    }
    const move = (token: string, code: string, body: unknown) =>
      staffFetch(server, token, `/api/staff/reports/${code}/transitions`, body)
    const expectError = async (
      response: Response,
      status: number,
      code: string,
      field?: string,
    ) => {
      const body = (await response.json()) as ErrorAnswer
      expect([response.status, body.error.code, body.error.field]).toEqual([status, code, field])
      return body.error.message
    }

    it('takes a report through the whole flow, recording who, when and why', async () => {
      const code = await newReport()
      const steps: [string, Record<string, unknown>, string][] = [
        ['accepted', { note: '属本局管辖' }, officer],
        ['assigned', { assignee: '执法二队' }, officer],
        ['inspected', { note: '现场发现排污口' }, officer],
        ['rectifying', { note: '责令限期整改' }, officer],
        ['replied', { note: '已电话答复' }, officer],
        ['closed', {}, supervisor],
      ]
      let detail: Detail | undefined
      for (const [to, extra, token] of steps) {
        const before = Date.now()
        const response = await move(token, code, { to, ...extra })
        expect(response.status).toBe(200)
        detail = (await response.json()) as Detail
        expect(detail.status).toBe(to)
        const last = detail.history.at(-1)!
        expect(last.status).toBe(to)
        expect(Date.parse(last.at)).toBeGreaterThanOrEqual(before - 1000)
        expect(last.actor).toBe(token === officer ? 'officer zhao' : 'chief qian')
        expect(last.note).toBe((extra.note as string | undefined) ?? null)
      }
      expect(detail!.history.map((h) => h.status)).toEqual([
        'received',
        'accepted',
        'assigned',
        'inspected',
        'rectifying',
        'replied',
        'closed',
      ])
      expect(detail!.assignee).toBe('执法二队')

      const publicAnswer = await (await server.get(`/api/reports/${code}`)).json()
      expect(JSON.stringify(publicAnswer)).not.toMatch(/officer zhao|chief qian|排污口|执法二队/)
      expect((publicAnswer as Detail).history).toHaveLength(7)
    })

    it('refers a report elsewhere, which ends it here', async () => {
      const code = await newReport()
      const response = await move(officer, code, { to: 'referred', referredTo: '衡阳市水利局' })
      expect(((await response.json()) as Detail).referredTo).toBe('衡阳市水利局')
      const publicAnswer = (await (await server.get(`/api/reports/${code}`)).json()) as {
        history: { status: string; referredTo?: string }[]
      }
      expect(publicAnswer.history.at(-1)).toMatchObject({
        status: 'referred',
        referredTo: '衡阳市水利局',
      })
      const message = await expectError(
        await move(officer, code, { to: 'accepted' }),
        409,
        'TRANSITION_NOT_ALLOWED',
        'to',
      )
      expect(message).toMatch(/finished/)
    })

    it('refuses a step skipped or taken back', async () => {
      const code = await newReport()
      const skips: [string, Record<string, unknown>][] = [
        ['assigned', { assignee: 'x' }],
        ['inspected', {}],
        ['replied', {}],
        ['closed', {}],
      ]
      for (const [to, extra] of skips) {
        const message = await expectError(
          await move(supervisor, code, { to, ...extra }),
          409,
          'TRANSITION_NOT_ALLOWED',
          'to',
        )
        expect(message).toMatch(/accepted or referred/)
      }
      expect((await move(officer, code, { to: 'accepted' })).status).toBe(200)
      await expectError(
        await move(officer, code, { to: 'accepted' }),
        409,
        'TRANSITION_NOT_ALLOWED',
        'to',
      )
      await expectError(
        await move(officer, code, { to: 'referred', referredTo: 'x' }),
        409,
        'TRANSITION_NOT_ALLOWED',
        'to',
      )
      await expectError(
        await move(officer, code, { to: 'inspected' }),
        409,
        'TRANSITION_NOT_ALLOWED',
        'to',
      )

      const [row] = await server.db.query<{ status: string; events: number }>(
        `SELECT r.status, (SELECT count(*)::integer FROM report_events e WHERE e.report_id = r.id)
                AS events
           FROM reports r WHERE tracking_code = $1`,
        [code],
      )
      expect(row).toEqual({ status: 'accepted', events: 2 })
    })

    it('lets only one of two simultaneous moves from the same status through', async () => {
      const code = await newReport()
      const answers = await Promise.all([
        move(officer, code, { to: 'accepted' }),
        move(officer, code, { to: 'referred', referredTo: '省厅' }),
      ])
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    })

    const bad: [string, unknown, number, string, string?][] = [
      ['no status', {}, 400, 'PARAMETER_MISSING', 'to'],
      ['an unknown status', { to: 'done' }, 400, 'STATUS_INVALID', 'to'],
      ['received as a target', { to: 'received' }, 400, 'STATUS_INVALID', 'to'],
      ['a referral without where', { to: 'referred' }, 400, 'PARAMETER_MISSING', 'referredTo'],
      ['an assignment without whom', { to: 'assigned' }, 400, 'PARAMETER_MISSING', 'assignee'],
      [
        'where with an acceptance',
        { to: 'accepted', referredTo: 'x' },
        400,
        'FIELD_INVALID',
        'referredTo',
      ],
      [
        'whom with an acceptance',
        { to: 'accepted', assignee: 'x' },
        400,
        'FIELD_INVALID',
        'assignee',
      ],
      ['a note that is not text', { to: 'accepted', note: 5 }, 400, 'FIELD_INVALID', 'note'],
      [
        'a note too long',
        { to: 'accepted', note: 'x'.repeat(2001) },
        400,
        'FIELD_TOO_LONG',
        'note',
      ],
      [
        'a note with a direction override',
        { to: 'accepted', note: '已核实\u202E不属实' },
        400,
        'TEXT_INVALID',
        'note',
      ],
      [
        'a referral with a control character',
        { to: 'referred', referredTo: '市水利局\u0007' },
        400,
        'TEXT_INVALID',
        'referredTo',
      ],
      ['an unknown field', { to: 'accepted', by: 'me' }, 400, 'FIELD_UNKNOWN', 'by'],
      ['an array', ['accepted'], 400, 'BODY_INVALID'],
    ]
    it.each(bad)('refuses a change with %s', async (_, body, status, errorCode, field) => {
      const code = await newReport()
      await expectError(await move(officer, code, body), status, errorCode, field)
    })

    it('refuses a change to an unknown report or a malformed code', async () => {
      await expectError(
        await move(officer, '00000-00000-00000-00000', { to: 'accepted' }),
        404,
        'REPORT_NOT_FOUND',
        'code',
      )
      await expectError(
        await move(officer, 'abc', { to: 'accepted' }),
        400,
        'TRACKING_CODE_INVALID',
        'code',
      )
    })

    it('refuses a change sent as something other than JSON', async () => {
      const code = await newReport()
      const response = await fetch(`${server.url}/api/staff/reports/${code}/transitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'text/plain' },
        body: 'accepted',
      })
      await expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE')
    })

    it('starts 60 days to close at acceptance and extends them once by up to 30', async () => {
      const code = await newReport()
      const accepted = (await (await move(officer, code, { to: 'accepted' })).json()) as Detail
      const acceptedAt = Date.parse(accepted.history.at(-1)!.at)
      expect(Date.parse(accepted.deadlines.closeBy!)).toBe(acceptedAt + 60 * DAY)

      const extend = (body: unknown) =>
        staffFetch(server, supervisor, `/api/staff/reports/${code}/extension`, body)
      await expectError(
        await extend({ days: 31, reason: '需要检测' }),
        400,
        'EXTENSION_TOO_LONG',
        'days',
      )
      await expectError(
        await extend({ days: 0, reason: '需要检测' }),
        400,
        'PARAMETER_INVALID',
        'days',
      )
      await expectError(
        await extend({ days: 2.5, reason: '需要检测' }),
        400,
        'PARAMETER_INVALID',
        'days',
      )
      await expectError(await extend({ reason: '需要检测' }), 400, 'PARAMETER_MISSING', 'days')
      await expectError(await extend({ days: 10 }), 400, 'PARAMETER_MISSING', 'reason')
      await expectError(
        await extend({ days: 10, reason: '  ' }),
        400,
        'PARAMETER_MISSING',
        'reason',
      )
      await expectError(
        await extend({ days: 10, reason: 'x', why: 'y' }),
        400,
        'FIELD_UNKNOWN',
        'why',
      )

      const extended = (await (
        await extend({ days: 30, reason: '需等待第三方检测报告' })
      ).json()) as Detail
      expect(extended.extension).toEqual({ days: 30, reason: '需等待第三方检测报告' })
      expect(Date.parse(extended.deadlines.closeBy!)).toBe(acceptedAt + 90 * DAY)
      await expectError(await extend({ days: 5, reason: '再延' }), 409, 'EXTENSION_ALREADY_GIVEN')
    })

    it('extends no report before acceptance or after closure', async () => {
      const code = await newReport()
      const response = await staffFetch(
        server,
        supervisor,
        `/api/staff/reports/${code}/extension`,
        {
          days: 5,
          reason: '尚未受理',
        },
      )
      await expectError(response, 409, 'EXTENSION_NOT_ALLOWED')
    })

    it('flags an accepted report open past its 60 days as overdue', async () => {
      const code = await newReport()
      await move(officer, code, { to: 'accepted' })
      await server.db.query(
        `UPDATE reports SET accepted_at = now() - interval '61 days' WHERE tracking_code = $1`,
        [code],
      )
      const detail = (await (
        await staffFetch(server, officer, `/api/staff/reports/${code}`)
      ).json()) as Detail
      expect(detail.deadlines.overdue).toBe('closure')
      const list = (await (
        await staffFetch(server, officer, '/api/staff/reports?overdue=true')
      ).json()) as {
        reports: { trackingCode: string }[]
      }
      expect(list.reports.map((r) => r.trackingCode)).toContain(code)
    })

    it('keeps an audit log of changes that the database will not let anyone edit', async () => {
      const code = await newReport()
      await move(officer, code, { to: 'accepted', note: '受理' })
      const audit = (await (
        await staffFetch(server, supervisor, `/api/staff/audit?report=${code}`)
      ).json()) as { entries: { actor: string; action: string; detail: Record<string, unknown> }[] }
      expect(audit.entries[0]).toMatchObject({
        actor: 'officer zhao',
        action: 'report.moved',
        detail: { from: 'received', to: 'accepted' },
      })

      for (const statement of [
        "UPDATE audit_log SET actor = 'someone else'",
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
      ]) {
        await expect(server.db.query(statement)).rejects.toThrow(/append-only/)
      }
      const [row] = await server.db.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM audit_log WHERE actor = 'officer zhao'`,
      )
      expect(row!.n).toBeGreaterThan(0)
    })

    it('refuses bad audit queries', async () => {
      for (const [query, status, field] of [
        ['?report=00000-00000-00000-00000', 404, 'report'],
        ['?report=xyz', 400, 'report'],
        ['?limit=0', 400, 'limit'],
        ['?limit=x', 400, 'limit'],
        ['?before=-3', 400, 'before'],
        ['?before=1e3', 400, 'before'],
        ['?before=99999999999999999999', 400, 'before'],
        ['?actor=someone', 400, 'actor'],
      ] as const) {
        const response = await staffFetch(server, supervisor, `/api/staff/audit${query}`)
        const body = (await response.json()) as ErrorAnswer
        expect([response.status, body.error.field]).toEqual([status, field])
      }
    })
  })
}
