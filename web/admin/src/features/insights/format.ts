import type { InsightAnswer, InsightColumn, InsightQuestion } from '@kinora/shared';

import type { ChartPoint } from '../../ui/chartScale';

type Kind = InsightColumn['kind'];
type Cell = InsightAnswer['rows'][number][string] | undefined;

export const MAX_QUESTION = 300;

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const longDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export const isNumeric = (kind: Kind) => kind !== 'text' && kind !== 'date';

function asDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// A value as its column's kind says: percent (0 to 100) with %, hours with one decimal,
// an ISO day readable; nothing is a dash.
export function formatCell(value: Cell, kind: Kind): string {
  if (value === null || value === undefined || value === '') return '—';
  if (kind === 'text') return String(value);
  if (kind === 'date') {
    const d = asDate(String(value));
    return d ? longDay.format(d) : String(value);
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  switch (kind) {
    case 'integer':
      return integer.format(n);
    case 'percent':
      return `${decimal.format(Math.round(n * 10) / 10)}%`;
    case 'hours':
      return `${oneDecimal.format(n)} h`;
    default:
      return decimal.format(n);
  }
}

// The chart's labels and values from the rows, as the answer's chart names them; a day
// label is short ("7 Dec"). Null when the answer has no chart or it names unknown columns.
export function chartOf(a: InsightAnswer): {
  kind: 'bar' | 'line';
  points: ChartPoint[];
  x: InsightColumn;
  y: InsightColumn;
} | null {
  if (!a.chart || !a.rows.length) return null;
  const { kind, x: xKey, y: yKey } = a.chart;
  const x = a.columns.find((c) => c.key === xKey);
  const y = a.columns.find((c) => c.key === yKey);
  if (!x || !y) return null;
  const points = a.rows.map((row) => {
    const raw = row[x.key];
    const d = x.kind === 'date' && raw !== null ? asDate(String(raw)) : null;
    return { label: d ? shortDay.format(d) : formatCell(raw, x.kind), value: Number(row[y.key] ?? 0) || 0 };
  });
  return { kind, points, x, y };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// "Answered as: Most played titles · this week · Basic · Comedy".
export function understood(a: InsightAnswer): string[] {
  const p = a.parameters;
  return [
    a.template?.title,
    p.range?.label,
    p.tier ? capital(p.tier) : undefined,
    p.genre?.name,
    p.channel ? `${p.channel.number} · ${p.channel.name}` : undefined,
    p.title?.title,
  ].filter((s): s is string => Boolean(s));
}

export function matcherNote(a: InsightAnswer): string {
  const how = a.matcher === 'encoder' ? 'matched by the encoder' : 'matched by word overlap (no model loaded)';
  return `${Math.round(a.similarity * 100)}% similar · ${how}`;
}

// The period an empty answer covered, for saying so.
export const periodOf = (a: InsightAnswer) => a.parameters.range?.label ?? 'this period';

// Example questions to offer: each template's canonical phrasing, without repeats.
export function exampleQuestions(templates: readonly InsightQuestion[]): string[] {
  const seen = new Set<string>();
  return templates
    .map((t) => t.question.trim())
    .filter((q) => {
      const key = q.toLowerCase();
      if (!q || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
