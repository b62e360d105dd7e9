import { request } from 'node:http'

/**
 * GETs `path` from the server at `baseUrl` with the given Host header, which fetch will not
 * send, and returns the answer as a fetch Response.
 */
export function getWithHost(baseUrl: string, path: string, host: string): Promise<Response> {
  return getWithRawHeaders(baseUrl, path, ['Host', host])
}

/**
 * GETs `path` with exactly these headers, as name, value, name, value: a header may come twice,
 * which fetch would join into one.
 */
export function getWithRawHeaders(
  baseUrl: string,
  path: string,
  headers: string[],
): Promise<Response> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('error', reject)
      answer.on('end', () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(answer.headers)) {
          for (const one of [value ?? []].flat()) headers.append(name, one)
        }
        resolve(new Response(Buffer.concat(chunks), { status: answer.statusCode, headers }))
      })
    })
    req.on('error', reject)
    req.end()
  })
}
