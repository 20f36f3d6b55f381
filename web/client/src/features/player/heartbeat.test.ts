import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createHeartbeat, reportablePosition } from './heartbeat';

describe('createHeartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(intervalSeconds = 30) {
    let position = 0;
    const send = vi.fn();
    const sendFinal = vi.fn();
    const hb = createHeartbeat({ intervalSeconds, position: () => position, send, sendFinal });
    return { hb, send, sendFinal, at: (p: number) => (position = p) };
  }

  it('sends nothing before it starts', () => {
    const { send } = setup();
    vi.advanceTimersByTime(120_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('reports the position every interval once started', () => {
    const { hb, send, at } = setup(30);
    hb.start();
    at(29);
    vi.advanceTimersByTime(29_999);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenLastCalledWith(29, 'interval');
    at(59);
    vi.advanceTimersByTime(30_000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith(59, 'interval');
  });

  it('a second start does not double the ticks', () => {
    const { hb, send } = setup(10);
    hb.start();
    hb.start();
    vi.advanceTimersByTime(10_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('reports at once on pause and keeps the session alive while paused', () => {
    const { hb, send, at } = setup(30);
    hb.start();
    at(12);
    vi.advanceTimersByTime(5_000);
    hb.report('pause');
    expect(send).toHaveBeenLastCalledWith(12, 'pause');
    // Paused for a minute: the keep-alive ticks carry the same position.
    vi.advanceTimersByTime(60_000);
    expect(send.mock.calls.map((c) => c[1])).toEqual(['pause', 'interval', 'interval']);
    expect(send.mock.calls.every((c) => c[0] === 12)).toBe(true);
  });

  it('stop sends one final report and then nothing', () => {
    const { hb, send, sendFinal, at } = setup(30);
    hb.start();
    at(42);
    hb.stop();
    hb.stop();
    expect(sendFinal).toHaveBeenCalledTimes(1);
    expect(sendFinal).toHaveBeenCalledWith(42);
    expect(hb.stopped).toBe(true);
    hb.report('ended');
    hb.start();
    vi.advanceTimersByTime(300_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('passes a failed report to onError and keeps ticking', async () => {
    const onError = vi.fn();
    const send = vi.fn().mockRejectedValue(new Error('offline'));
    const hb = createHeartbeat({ intervalSeconds: 5, position: () => 3, send, sendFinal: vi.fn(), onError });
    hb.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onError).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a throwing final report does not throw out of stop', () => {
    const hb = createHeartbeat({
      intervalSeconds: 5,
      position: () => 1,
      send: vi.fn(),
      sendFinal: () => {
        throw new Error('gone');
      },
    });
    expect(() => hb.stop()).not.toThrow();
  });
});

describe('reportablePosition', () => {
  it('floors to whole seconds and clamps to the running time', () => {
    expect(reportablePosition(12.9, 16)).toBe(12);
    expect(reportablePosition(16.04, 16)).toBe(16);
    expect(reportablePosition(-1, 16)).toBe(0);
  });
  it('is 0 at a live edge or for a time that is not a number', () => {
    expect(reportablePosition(4123.5, 0)).toBe(0);
    expect(reportablePosition(NaN, 16)).toBe(0);
  });
});
