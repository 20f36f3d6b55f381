import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { seriesDetail, titleSummary } from '../catalog/testData';
import { PlayActions } from './PlayActions';

const movie = { ...titleSummary(7), tier: 'premium' as const };

function renderActions(props: Partial<Parameters<typeof PlayActions>[0]>) {
  render(
    <MemoryRouter>
      <PlayActions title={movie} accountTier="premium" resume={null} canManagePlan {...props} />
    </MemoryRouter>,
  );
}

describe('PlayActions', () => {
  it('plays a movie from its start', () => {
    renderActions({});
    expect(screen.getByRole('link', { name: /^play$/i })).toHaveAttribute('href', '/watch/title/7');
  });

  it('resumes at the bookmark and offers to start over', () => {
    renderActions({ resume: { positionSeconds: 754, upNext: false } });
    expect(screen.getByRole('link', { name: 'Resume at 12:34' })).toHaveAttribute('href', '/watch/title/7');
    expect(screen.getByRole('link', { name: 'Start over' })).toHaveAttribute('href', '/watch/title/7?start=0');
  });

  it('resumes a series at its episode', () => {
    const episode = { season_number: 1, number: 2, title: 'Second' };
    renderActions({ title: seriesDetail(5), resume: { episodeId: 102, positionSeconds: 65, upNext: false, episode } });
    expect(screen.getByRole('link', { name: 'Resume S1:E2 at 1:05' })).toHaveAttribute(
      'href',
      '/watch/title/5?episode=102',
    );
    expect(screen.getByRole('link', { name: 'Start over' })).toHaveAttribute(
      'href',
      '/watch/title/5?episode=102&start=0',
    );
  });

  it('plays the first episode of a series not started', () => {
    renderActions({ title: seriesDetail(5) });
    expect(screen.getByRole('link', { name: 'Play S1:E1' })).toHaveAttribute('href', '/watch/title/5?episode=101');
  });

  it('names the plan a title needs instead of a Play that would fail', () => {
    renderActions({ accountTier: 'basic' });
    expect(screen.queryByRole('link', { name: /play/i })).toBeNull();
    expect(screen.getByText(/needs the/i)).toHaveTextContent('Watching this needs the Premium plan; yours is Basic.');
    expect(screen.getByRole('link', { name: 'Change plan' })).toHaveAttribute('href', '/account');
  });

  it('says a title is being prepared instead of offering Play', () => {
    renderActions({ title: { ...movie, media: 'preparing' }, resume: { positionSeconds: 60, upNext: false } });
    expect(screen.queryByRole('link', { name: /play|resume/i })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Being prepared — check back in a few minutes.');
  });

  it('says a title without media is not available yet', () => {
    renderActions({ title: { ...movie, media: 'none' } });
    expect(screen.queryByRole('link', { name: /play/i })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Not available to watch yet.');
  });

  it('plays a ready title, and a series from its first episode that plays', () => {
    renderActions({ title: { ...movie, media: 'ready' } });
    expect(screen.getByRole('link', { name: /^play$/i })).toBeInTheDocument();
    const series = seriesDetail(5);
    series.seasons![1]!.episodes[0]!.media = 'preparing';
    renderActions({ title: { ...series, media: 'ready' } });
    expect(screen.getByRole('link', { name: 'Play S1:E2' })).toHaveAttribute('href', '/watch/title/5?episode=102');
  });

  it('names the plan before saying a title is being prepared', () => {
    renderActions({ title: { ...movie, media: 'preparing' }, accountTier: 'basic' });
    expect(screen.getByText(/needs the/i)).toBeInTheDocument();
    expect(screen.queryByText(/being prepared/i)).toBeNull();
  });
});
