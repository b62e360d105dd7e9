// The reference ceiling for warm tiles: a bare node:http server answering each path with the
// status, headers and bytes recorded from the product's server, from a Map.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

let answers = new Map<string, RecordedAnswer>()

// Ends with the benchmark, however that ends, rather than keep a port open.
process.on('disconnect', () => process.exit(0))

const server = http.createServer((request, response) => {
  const answer = answers.get(request.url ?? '')
  if (!answer) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(answer.status, answer.headers)
  response.end(answer.body)
})

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` })
})

process.on('message', (message: { type: string; answers?: Map<string, RecordedAnswer> }) => {
  if (message.type === 'answers' && message.answers) {
    answers = message.answers
    process.send?.({ type: 'answers', count: answers.size })
  } else if (message.type === 'stop') {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
})
