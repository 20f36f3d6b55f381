import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { NextEpisode } from './NextEpisode';

const next = {
  season: 1,
  episode: { id: 12, season_id: 1, number: 2, title: 'The Flood', synopsis: '', runtime_minutes: 50 },
};

describe('NextEpisode', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down from 10 s and then plays the next episode', () => {
    const onPlay = vi.fn();
    render(<NextEpisode next={next} onPlay={onPlay} onCancel={vi.fn()} />);
    expect(screen.getByRole('heading')).toHaveTextContent('Next episode in 10 s');
    expect(screen.getByText('S1 · E2 · The Flood')).toBeInTheDocument();
    act(() => void vi.advanceTimersByTime(3_000));
    expect(screen.getByRole('heading')).toHaveTextContent('Next episode in 7 s');
    expect(onPlay).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(7_000));
    expect(onPlay).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(5_000));
    expect(onPlay).toHaveBeenCalledTimes(1);
  });

  it('plays at once or cancels on request, with focus on Play now', () => {
    const onPlay = vi.fn();
    const onCancel = vi.fn();
    render(<NextEpisode next={next} onPlay={onPlay} onCancel={onCancel} />);
    expect(screen.getByRole('button', { name: 'Play now' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Play now' }));
    expect(onPlay).toHaveBeenCalledTimes(1);
  });
});
