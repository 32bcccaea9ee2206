// Distinct, realistic-looking memory texts for tests that store many memories. Each sentence combines several
// independently chosen parts so that no two are near-duplicates (the server folds texts whose embeddings are more
// similar than its duplicate threshold into one memory).
const people = ['Alice', 'Bogdan', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hiro', 'Ines', 'Jonas', 'Kalani', 'Lena'];
const systems = ['the billing service', 'the Postgres replica', 'the CI pipeline', 'the mobile app', 'the search cluster',
  'the payment gateway', 'the nightly ETL job', 'the auth proxy', 'the metrics dashboard', 'the email worker',
  'the CDN config', 'the feature-flag service', 'the GraphQL gateway', 'the image resizer', 'the audit log'];
const actions = ['migrated', 'benchmarked', 'rewrote', 'documented', 'rolled back', 'load-tested', 'secured',
  'refactored', 'profiled', 'deprecated', 'containerised', 'monitored', 'patched', 'sharded', 'archived'];
const reasons = ['because latency doubled on Mondays', 'after a customer reported lost invoices',
  'to cut the cloud bill by a third', 'since the vendor ends support in spring', 'before the security audit',
  'after an outage during the holiday sale', 'to unblock the Android release', 'because tests were flaky',
  'to meet the new data-retention rule', 'when disk usage hit ninety percent', 'to support right-to-left languages',
  'after the on-call rotation complained', 'so that exports finish overnight', 'to remove a licence conflict'];
const whens = ['on a rainy Tuesday', 'during sprint 14', 'last quarter', 'in the Berlin offsite', 'over the weekend',
  'right after lunch', 'in early March', 'during the hackathon', 'before the board meeting', 'late on Friday'];

/** A small deterministic PRNG (mulberry32), so every run stores the same texts for the same seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct sentences, any two differing in at least three of their five parts; `marker` (e.g. a run id) is
 * appended to each.
 */
export function sentences(count, { seed = 1, marker = '' } = {}) {
  const random = rng(seed);
  const parts = [people, actions, systems, reasons, whens];
  const chosen = [];
  for (let attempts = 0; chosen.length < count; attempts++) {
    if (attempts > 200_000) throw new Error(`cannot make ${count} distinct sentences`);
    const candidate = parts.map((list) => Math.floor(random() * list.length));
    if (chosen.every((other) => other.filter((value, i) => value !== candidate[i]).length >= 3)) chosen.push(candidate);
  }
  return chosen.map(([who, did, what, why, when], i) =>
    `${people[who]} ${actions[did]} ${systems[what]} ${reasons[why]}, ${whens[when]} (note ${i + 1}${marker ? ` ${marker}` : ''}).`);
}
