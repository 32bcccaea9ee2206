import { connect, rawCall } from './lib/mcp.js';
import { readFileSync } from 'node:fs';
const c = await connect(readFileSync('/tmp/explore.url','utf8'));
const show = async (n, a) => { const r = await rawCall(c, n, a); console.log('==', n, JSON.stringify(a), '\n', JSON.stringify(r.isError ? r : r.structuredContent)); return r.structuredContent; };
await show('store_memory', { text: 'Global fact about zebras in the zoo', memory_type: 'core_identity', scope: 'global', entity: 'zoo' });
await show('retrieve_context', { query: 'zebras', scope: 'global', project: 'widget' });
await show('retrieve_context', { query: 'zebras', scope: 'global' });
await show('retrieve_context', { query: 'zebras', scope: 'project', project: 'widget' });
await c.close();
