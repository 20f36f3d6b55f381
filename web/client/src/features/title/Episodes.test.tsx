import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { seriesDetail } from '../catalog/testData';
import { Episodes } from './Episodes';

function renderEpisodes(playable = true) {
  const series = seriesDetail(5);
  const season = series.seasons![1]!;
  season.episodes[0]!.media = 'ready';
  season.episodes[1]!.media = 'preparing';
  season.episodes.push({
    id: 103,
    season_id: 10,
    number: 3,
    title: 'Third',
    synopsis: '',
    runtime_minutes: 50,
    media: 'none',
  });
  render(
    <MemoryRouter>
      <Episodes titleId={5} seasons={[season]} progress={new Map()} playable={playable} />
    </MemoryRouter>,
  );
  return screen.getAllByRole('listitem');
}

describe('Episodes', () => {
  it('links only the episodes that play now and says why the others do not', () => {
    const [ready, preparing, none] = renderEpisodes();
    expect(within(ready!).getByRole('link', { name: /Pilot/ })).toHaveAttribute('href', '/watch/title/5?episode=101');
    expect(within(preparing!).queryByRole('link')).toBeNull();
    expect(preparing).toHaveTextContent('Being prepared');
    expect(within(none!).queryByRole('link')).toBeNull();
    expect(none).toHaveTextContent('Not available yet');
  });

  it('leaves the media words out when the plan does not include the title', () => {
    const items = renderEpisodes(false);
    expect(screen.queryByRole('link')).toBeNull();
    expect(items[1]).not.toHaveTextContent('Being prepared');
  });
});
