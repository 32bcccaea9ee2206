import { connect, rawCall } from './lib/mcp.js';
import { readFileSync } from 'node:fs';
const c = await connect(readFileSync('/tmp/explore.url','utf8'));
const t = (await c.listTools()).tools;
console.log(JSON.stringify(t.find(x=>x.name==='store_memory').inputSchema.properties.relation_types));
const show = async (n, a) => { const r = await rawCall(c, n, a); console.log('==', n, JSON.stringify(a), '\n', JSON.stringify(r.isError ? r : r.structuredContent)); return r.structuredContent; };
await show('store_memory', { text: 'q', memory_type: 'bogus', scope: 'global', entity: 'e' });
await show('retrieve_context', { query: 'q', score_threshold: 1.5 });
await c.close();
