import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/start.ts'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const hasCurl = spawnSync('curl', ['--version']).error === undefined

interface Operation {
  parameters?: { name: string; in: string }[]
  requestBody?: { content: Record<string, { schema?: { properties?: object } }> }
  responses: Record<string, unknown>
}
type Document = { paths: Record<string, Record<string, Operation>> }

const byClass = (root: Element, tag: string, name: string) =>
  Array.from(root.getElementsByTagName(tag)).filter((element) =>
    (element.getAttribute('class') ?? '').split(/\s+/).includes(name),
  )
const text = (element: Element | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ')

// The portal is built by the server on start when its sources are newer than the build, as in
// production; the page is read as the server serves it, beside the document it serves.
describe('the API page', { timeout: 120_000 }, () => {
  let server: RunningServer
  let doc: Document
  let sections: Map<string, Element>
  let page: string

  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' })
    doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Document
    const response = await fetch(`${server.url}/about/api/`)
    expect(response.status).toBe(200)
    page = await response.text()
    const dom = new DOMParser().parseFromString(page, 'text/html')
    sections = new Map(
      byClass(dom.documentElement!, 'section', 'api-operation').map((section) => [
        `${section.getAttribute('data-method')} ${section.getAttribute('data-path')}`,
        section,
      ]),
    )
  }, 300_000)

  afterAll(async () => {
    await server?.close()
  })

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        key: `${method} ${path}`,
        method,
        path,
        operation: item[method]!,
      })),
    )

  it('shows every path and method of the served document, each under its own heading', () => {
    const expected = operations().map((o) => o.key)
    expect(expected.length).toBeGreaterThan(10)
    expect([...sections.keys()].sort()).toEqual([...expected].sort())
    for (const { key, method, path } of operations()) {
      const heading = sections.get(key)!.getElementsByTagName('h3')[0]
      expect(text(heading).trim(), key).toBe(`${method.toUpperCase()} ${path}`)
    }
  })

  it('lists the parameters, body fields and response statuses the document gives', () => {
    for (const { key, operation } of operations()) {
      const section = sections.get(key)!
      const rows = Array.from(section.getElementsByTagName('tr'))
      const fields = rows.flatMap((row) => {
        const name = row.getAttribute('data-field')
        return name ? [`${row.getAttribute('data-place')} ${name}`] : []
      })
      const parameters = (operation.parameters ?? []).map((p) => `${p.in} ${p.name}`)
      const bodyFields = Object.values(operation.requestBody?.content ?? {}).flatMap((media) =>
        Object.keys(media.schema?.properties ?? {}).map((name) => `body ${name}`),
      )
      for (const field of [...parameters, ...bodyFields]) expect(fields, key).toContain(field)

      const statuses = rows.flatMap((row) => row.getAttribute('data-status') ?? [])
      expect(statuses, key).toEqual(Object.keys(operation.responses))
    }
  })

  it("carries no script but the footer's, which reads the served dataset", () => {
    // The page itself is documentation that works without script; only the site's footer, on
    // every page, loads its module to show the dataset's notice.
    const scripts = page.match(/<script\b[^>]*>/gi) ?? []
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toMatch(/^<script type="module" src="\/_astro\/DatasetStatus\.[^"]+\.js">$/)
    expect(page).not.toMatch(/<script\b[^>]*>[^<]/i)
    expect(page).not.toMatch(/\son[a-z]+\s*=/i)
  })

  // Run as a reader would: ORIGIN set to the server, each example pasted into a shell. A
  // configuration file makes curl quiet and print the status last.
  const skipCurl = hasCurl ? '' : ' (skipped: curl is not installed)'
  describe.skipIf(!hasCurl)(`example calls${skipCurl}`, () => {
    // These look up a stored check or report by an id of the right shape that names none.
    const MADE_UP_IDS = new Set(['get /api/admission-check/{id}', 'get /api/reports/{code}'])
    let dir: string

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'api-examples-'))
      await writeFile(path.join(dir, '.curlrc'), 'silent\nwrite-out = "\\n%{http_code}\\n"\n')
    })
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    // Not spawnSync: the server answers from this very process.
    const shell = (command: string) =>
      new Promise<string>((resolve) => {
        const env = { ...process.env, ORIGIN: server.url, CURL_HOME: dir }
        execFile('bash', ['-c', command], { cwd: dir, env, timeout: 30_000 }, (_, stdout) =>
          resolve(String(stdout)),
        )
      })

    it('get answers the document lists, successful but for made-up ids', async () => {
      expect(sections.size).toBeGreaterThan(10)
      for (const { key, operation } of operations()) {
        const example = byClass(sections.get(key)!, 'pre', 'example')[0]
        const command = example?.textContent ?? ''
        expect(command, key).toMatch(/^curl /)
        const output = await shell(command)
        const status = output.trim().split('\n').at(-1) ?? ''
        expect(Object.keys(operation.responses), `${key}: ${command}`).toContain(status)
        if (MADE_UP_IDS.has(key)) expect(status, key).toBe('404')
        else expect(status, `${key}: ${output.slice(0, 500)}`).toMatch(/^2\d\d$/)
      }
    })
  })
})
