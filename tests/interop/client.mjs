// A Yjs client that knows JourneyMapper only through the documented Y layout (README,
// "Working together"): it joins a room with y-websocket, reads the map, adds a
// touchpoint, and prints what it read as one JSON line.
//   node client.mjs SERVER_URL ROOM TOKEN NEW_CARD_NAME
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const [serverUrl, room, token, newName] = process.argv.slice(2)
const doc = new Y.Doc()
const provider = new WebsocketProvider(serverUrl, room, doc, {
  WebSocketPolyfill: WebSocket,
  params: token ? { token } : {},
  disableBc: true
})
provider.awareness.setLocalStateField('user', { name: 'Node client', color: '#123456' })
const fail = setTimeout(() => { console.error('timed out'); process.exit(2) }, 15000)

provider.on('sync', (synced) => {
  if (!synced) return
  const byOrder = (map) => [...map.entries()]
    .sort(([a, x], [b, y]) => (x.get('order') < y.get('order') ? -1 : x.get('order') > y.get('order') ? 1 : a < b ? -1 : 1))
  const stages = byOrder(doc.getMap('stages')).map(([id, s]) => ({ id, name: s.get('name') }))
  const lanes = byOrder(doc.getMap('lanes'))
    .filter(([, l]) => (l.get('kind') ?? 'touchpoints') === 'touchpoints')
    .map(([id]) => id)
  const touchpoints = doc.getMap('touchpoints')
  const cards = [...touchpoints.entries()].map(([id, t]) => ({ id, name: t.get('name'), stage: t.get('place').stage, votes: [...(t.get('votes')?.values() ?? [])].reduce((a, b) => a + b, 0) }))
  doc.transact(() => {
    const card = new Y.Map()
    card.set('name', newName)
    card.set('place', { stage: stages[0].id, lane: lanes[0], column: 9, order: 0 })
    card.set('emotion', 1)
    card.set('votes', new Y.Map())
    touchpoints.set('tp-from-node', card)
    card.get('votes').set('node-voter', 2)
  })
  const out = { epoch: doc.getMap('meta').get('epoch'), title: doc.getMap('info').get('title'), stages, cards }
  console.log(JSON.stringify(out))
  // y-websocket sends at once; give the socket a moment before closing
  setTimeout(() => { clearTimeout(fail); provider.destroy(); process.exit(0) }, 500)
})
