// Memories per day as bars in inline SVG, with a caption and the same numbers as a table.
import { h, s } from './dom.js';

const MAX_DAYS = 120;
const DAY_MS = 86_400_000;

/** [figure content]: the bars of the last MAX_DAYS days up to the newest, days without memories included. */
export function chartOfDays(byDay) {
  if (!byDay?.length) return [h('p', {}, 'No memories yet.')];
  const counts = new Map(byDay.map(({ day, count }) => [day, count]));
  const sorted = [...counts.keys()].sort();
  const last = Date.parse(`${sorted.at(-1)}T00:00:00Z`);
  const first = Math.max(Date.parse(`${sorted[0]}T00:00:00Z`), last - (MAX_DAYS - 1) * DAY_MS);
  const days = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, count: counts.get(day) ?? 0 });
  }
  const max = Math.max(...days.map((d) => d.count));
  const peak = days.find((d) => d.count === max);
  const caption = `From ${days[0].day} to ${days.at(-1).day}; most on ${peak.day} (${max}).`;
  const width = days.length * 10;
  const svg = s('svg', { viewBox: `0 0 ${width} 100`, preserveAspectRatio: 'none', role: 'img', 'aria-label': `Memories per day. ${caption}` },
    days.map(({ day, count }, index) => {
      const height = max ? (count / max) * 100 : 0;
      return s('rect', { x: index * 10 + 1, y: 100 - height, width: 8, height, 'data-day': day },
        s('title', {}, `${day}: ${count}`));
    }));
  return [
    svg,
    h('figcaption', {}, caption),
    h('details', {}, h('summary', {}, 'As a table'),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col', class: 'number' }, 'Memories'))),
        h('tbody', {}, days.filter((d) => d.count > 0).map(({ day, count }) =>
          h('tr', {}, h('th', { scope: 'row' }, day), h('td', { class: 'number' }, String(count))))))),
  ];
}
