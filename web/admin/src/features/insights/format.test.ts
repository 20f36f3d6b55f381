import { chartOf, exampleQuestions, formatCell, matcherNote, periodOf, understood } from './format';
import { answer } from './fixtures';

describe('insight cells', () => {
  it('formats each column kind', () => {
    expect(formatCell('Fire & Flour', 'text')).toBe('Fire & Flour');
    expect(formatCell(12345, 'integer')).toBe('12,345');
    expect(formatCell(3.14159, 'number')).toBe('3.14');
    expect(formatCell(42.46, 'percent')).toBe('42.5%');
    expect(formatCell(100, 'percent')).toBe('100%');
    expect(formatCell(12.345, 'hours')).toBe('12.3 h');
    expect(formatCell(2, 'hours')).toBe('2.0 h');
    expect(formatCell('2026-12-07', 'date')).toBe('Mon, 7 Dec 2026');
  });

  it('shows nothing as a dash and keeps what it cannot read', () => {
    expect(formatCell(null, 'integer')).toBe('—');
    expect(formatCell(undefined, 'text')).toBe('—');
    expect(formatCell('', 'date')).toBe('—');
    expect(formatCell('soon', 'date')).toBe('soon');
    expect(formatCell('n/a', 'percent')).toBe('n/a');
    expect(formatCell('7', 'integer')).toBe('7');
  });
});

describe('what was understood', () => {
  it('lists the template and the details read from the question', () => {
    expect(understood(answer())).toEqual(['Most played titles', 'this week']);
    const full = answer({
      parameters: {
        range: { label: 'the last 30 days', from: '2026-11-07T00:00:00Z', to: '2026-12-07T00:00:00Z' },
        tier: 'basic',
        genre: { slug: 'comedy', name: 'Comedy' },
        channel: { id: 4, number: 110, name: 'Lanternhouse TV' },
        title: { id: 2, title: 'Salt Roads' },
      },
    });
    expect(understood(full)).toEqual([
      'Most played titles',
      'the last 30 days',
      'Basic',
      'Comedy',
      '110 · Lanternhouse TV',
      'Salt Roads',
    ]);
    expect(periodOf(full)).toBe('the last 30 days');
  });

  it('says how close the match was and which matcher made it', () => {
    expect(matcherNote(answer())).toBe('91% similar · matched by the encoder');
    expect(matcherNote(answer({ matcher: 'lexical', similarity: 0.456 }))).toBe(
      '46% similar · matched by word overlap (no model loaded)',
    );
  });

  it('names “this period” when the answer has no range', () => {
    const a = answer();
    expect(periodOf({ ...a, parameters: { ...a.parameters, range: null } })).toBe('this period');
  });
});

describe('the chart of an answer', () => {
  it('takes labels and values from the columns the chart names', () => {
    expect(chartOf(answer())).toMatchObject({
      kind: 'bar',
      points: [
        { label: 'The Long Quiet Between Stars', value: 12 },
        { label: 'Fire & Flour', value: 3 },
      ],
      x: { key: 'title' },
      y: { key: 'plays' },
    });
  });

  it('labels days briefly and reads missing values as zero', () => {
    const days = answer({
      columns: [
        { key: 'day', label: 'Day', kind: 'date' },
        { key: 'plays', label: 'Plays', kind: 'integer' },
      ],
      rows: [
        { day: '2026-12-06', plays: 2 },
        { day: '2026-12-07', plays: null },
      ],
      chart: { kind: 'line', x: 'day', y: 'plays' },
    });
    expect(chartOf(days)?.points).toEqual([
      { label: '6 Dec', value: 2 },
      { label: '7 Dec', value: 0 },
    ]);
  });

  it('is absent without a chart, without rows or with a column it does not know', () => {
    expect(chartOf(answer({ chart: null }))).toBeNull();
    expect(chartOf(answer({ rows: [] }))).toBeNull();
    expect(chartOf(answer({ chart: { kind: 'bar', x: 'nope', y: 'plays' } }))).toBeNull();
  });
});

describe('example questions', () => {
  it('offers each template’s canonical phrasing once', () => {
    const t = (id: string, question: string) => ({ id, title: id, question, examples: [question], parameters: [] });
    expect(
      exampleQuestions([t('a', 'most played titles'), t('b', ' Most played titles '), t('c', 'plays by plan')]),
    ).toEqual(['most played titles', 'plays by plan']);
  });
});
