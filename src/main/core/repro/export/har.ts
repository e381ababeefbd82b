// HAR 1.2 of the conversation, for any HAR viewer. Headers and bodies arrive already scrubbed.
import type { BundleExchange } from './bundle-input'

export function harOf(exchanges: BundleExchange[], toolVersion: string): object {
  return {
    log: {
      version: '1.2',
      creator: { name: 'MiMo Inspector', version: toolVersion },
      entries: exchanges.map((e) => {
        const reqType = e.requestHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'application/json'
        const resType = e.response?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
        return {
          startedDateTime: e.startedAt,
          time: 0,
          request: {
            method: e.method,
            url: e.url,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: e.requestHeaders.map(([name, value]) => ({ name, value })),
            queryString: [],
            postData: { mimeType: reqType, text: e.requestBody },
            headersSize: -1,
            bodySize: Buffer.byteLength(e.requestBody)
          },
          response: e.response
            ? {
                status: e.response.status,
                statusText: e.response.statusMessage,
                httpVersion: 'HTTP/1.1',
                cookies: [],
                headers: e.response.headers.map(([name, value]) => ({ name, value })),
                content: { size: Buffer.byteLength(e.response.body), mimeType: resType, text: e.response.body },
                redirectURL: '',
                headersSize: -1,
                bodySize: Buffer.byteLength(e.response.body)
              }
            : { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 }
        }
      })
    }
  }
}
