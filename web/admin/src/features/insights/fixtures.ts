import type { InsightAnswer } from '@kinora/shared';

// An answer as the contract shapes it, for the unit tests.
export function answer(over: Partial<InsightAnswer> = {}): InsightAnswer {
  return {
    question: 'most played titles this week',
    matched: true,
    similarity: 0.91,
    matcher: 'encoder',
    template: { id: 'top-titles-by-plays', title: 'Most played titles' },
    parameters: {
      range: { label: 'this week', from: '2026-11-30T00:00:00Z', to: '2026-12-07T00:00:00Z' },
      tier: null,
      genre: null,
      channel: null,
      title: null,
    },
    answer: 'The Long Quiet Between Stars was played most this week, 12 times.',
    columns: [
      { key: 'title', label: 'Title', kind: 'text' },
      { key: 'plays', label: 'Plays', kind: 'integer' },
    ],
    rows: [
      { title: 'The Long Quiet Between Stars', plays: 12 },
      { title: 'Fire & Flour', plays: 3 },
    ],
    chart: { kind: 'bar', x: 'title', y: 'plays' },
    suggestions: [],
    elapsed_ms: 4,
    ...over,
  };
}
