import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface MapSite {
  origin: string
  server: Server
}

/**
 * Another site on another loopback port that embeds a map of its own, as a newcomer's page
 * would: `files` by path (scripts and stylesheets of a map library as published on npm), and
 * `body` as the page at every other path, after a `<div id="map">` of 800 × 600 pixels.
 */
export async function startMapSite(files: Record<string, Buffer>, body: string): Promise<MapSite> {
  const page = `<!doctype html><meta charset="utf-8"><title>map</title>
<div id="map" style="width:800px;height:600px"></div>${body}`
  const server = createServer((req, res) => {
    const file = files[req.url ?? '']
    if (file) {
      const type = req.url!.endsWith('.css') ? 'text/css' : 'text/javascript'
      res.writeHead(200, { 'content-type': type }).end(file)
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
    }
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, server }
}
