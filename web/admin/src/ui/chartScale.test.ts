import { chartSummary, fitLabel, niceMax, place, valueAxis } from './chartScale';

describe('chart scale', () => {
  it('rounds the top of the value axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(250)).toBe(250);
    expect(niceMax(260)).toBe(500);
    expect(niceMax(0.37)).toBeCloseTo(0.5);
    expect(niceMax(99.5)).toBe(100);
  });

  it('steps the value axis in round numbers, whole ones for counts', () => {
    expect(valueAxis(24)).toEqual({ top: 30, ticks: [0, 10, 20, 30] });
    expect(valueAxis(12)).toEqual({ top: 15, ticks: [0, 5, 10, 15] });
    expect(valueAxis(1, { integer: true })).toEqual({ top: 1, ticks: [0, 1] });
    expect(valueAxis(0, { integer: true })).toEqual({ top: 1, ticks: [0, 1] });
    expect(valueAxis(0.8)).toEqual({ top: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(valueAxis(100)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
  });

  it('places each point in the middle of its band, scaled to the top', () => {
    const { top, placed } = place(
      [
        { label: 'a', value: 10 },
        { label: 'b', value: 5 },
        { label: 'c', value: 0 },
        { label: 'd', value: -2 },
      ],
      { width: 400, height: 100 },
    );
    expect(top).toBe(10);
    expect(placed.map((p) => [p.x, p.y, p.band])).toEqual([
      [50, 0, 100],
      [150, 50, 100],
      [250, 100, 100],
      [350, 100, 100],
    ]);
  });

  it('draws nothing but the axis for an empty or all-zero series', () => {
    expect(place([], { width: 100, height: 50 })).toMatchObject({ top: 1, placed: [] });
    expect(place([{ label: 'x', value: 0 }], { width: 100, height: 50 }).placed[0].y).toBe(50);
  });
});

describe('chart summary', () => {
  const points = [
    { label: 'Fire & Flour', value: 3 },
    { label: 'The Long Quiet', value: 12 },
    { label: 'Salt Roads', value: 1 },
  ];

  it('names the highest and lowest bar', () => {
    expect(chartSummary('bar', points, { x: 'Title', y: 'Plays' })).toBe(
      'Bar chart of Plays by title, 3 bars: highest The Long Quiet (12), lowest Salt Roads (1).',
    );
    expect(chartSummary('bar', points.slice(0, 1), { x: 'Title', y: 'Plays' })).toBe(
      'Bar chart of Plays by title, 1 bar: Fire & Flour (3).',
    );
  });

  it('says where a line starts, ends and peaks, with formatted values', () => {
    expect(chartSummary('line', points, { x: 'Day', y: 'Hours', format: (n) => `${n.toFixed(1)} h` })).toBe(
      'Line chart of Hours by day, 3 points from Fire & Flour (3.0 h) to Salt Roads (1.0 h); highest The Long Quiet (12.0 h).',
    );
    expect(chartSummary('line', [], { x: 'Day', y: 'Plays' })).toBe('Line chart of Plays by day: nothing to show.');
  });

  it('cuts long labels with an ellipsis', () => {
    expect(fitLabel('The Long Quiet Between Stars', 10)).toBe('The Long…');
    expect(fitLabel('Short', 10)).toBe('Short');
  });
});
