// Sends an identify and a track for one user to a running Tailor Ingestion with Segment's official Node library,
// as an app would: Basic auth with the write key, batches to {host}/v1/batch. Run by SegmentNodeLibraryTests.
//   TAILOR_URL      Ingestion's base URL (http://127.0.0.1:port)
//   TAILOR_KEY      an API key with the events scope, used as Segment's write key
//   TAILOR_USER_ID  the user id to send
//   TAILOR_GZIP     "1": send each batch with Content-Encoding: gzip. analytics-node 3.1.0 does not compress by itself;
//                   it takes an httpClient, and this one gzips the body it was given, the way compressing senders do.
// Exits 0 when every call was delivered; otherwise prints why and exits 1.
import { Analytics, FetchHTTPClient } from '@segment/analytics-node'
import { gzipSync } from 'node:zlib'

const { TAILOR_URL, TAILOR_KEY, TAILOR_USER_ID, TAILOR_GZIP } = process.env
if (!TAILOR_URL || !TAILOR_KEY || !TAILOR_USER_ID) {
  console.error('TAILOR_URL, TAILOR_KEY and TAILOR_USER_ID are required')
  process.exit(2)
}

class GzipHttpClient {
  #inner = new FetchHTTPClient()

  makeRequest(request) {
    return this.#inner.makeRequest({
      ...request,
      headers: { ...request.headers, 'Content-Encoding': 'gzip' },
      body: gzipSync(request.body),
    })
  }
}

const analytics = new Analytics({
  writeKey: TAILOR_KEY,
  host: TAILOR_URL,
  maxRetries: 0,
  flushInterval: 100,
  ...(TAILOR_GZIP === '1' ? { httpClient: new GzipHttpClient() } : {}),
})

const failures = []
analytics.on('error', (error) => failures.push(error))
analytics.on('http_response', (response) => {
  if (response.status >= 300) failures.push(`HTTP ${response.status} ${response.statusText}`)
})

analytics.identify({
  userId: TAILOR_USER_ID,
  traits: { email: 'ada@example.com', firstName: 'Ada', email_consent: true },
})
analytics.track({
  userId: TAILOR_USER_ID,
  event: 'Order Completed',
  properties: { products: [{ product_id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.55, quantity: 6 }] },
})
await analytics.closeAndFlush({ timeout: 20000 })

if (failures.length > 0) {
  // The library's error events carry the failed call's context; its code and reason say what went wrong.
  for (const failure of failures) console.error(typeof failure === 'string' ? failure : `${failure.code}: ${failure.reason?.message ?? failure.reason}`)
  process.exit(1)
}
console.log('delivered')
