import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { titleSummary } from './testData';
import { TitleCard } from './TitleCard';

describe('TitleCard', () => {
  it('is one link named by its title and year, with a lazy poster in a fixed box', () => {
    render(
      <MemoryRouter>
        <TitleCard title={titleSummary(3, { title: 'Rainmouth', year: 2021 })} />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Rainmouth 2021' });
    expect(link).toHaveAttribute('href', '/title/3');
    const img = screen.getByRole('img', { name: 'Rainmouth' });
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('width', '400');
    expect(img.parentElement).toHaveClass('aspect-[2/3]');
  });

  it('says how far in a continue card is', () => {
    render(
      <MemoryRouter>
        <TitleCard
          title={titleSummary(3, { title: 'Rainmouth', year: 2021 })}
          progress={{ value: 0.42, label: 'S1:E3 · The Velvet Ledger' }}
          to="/watch/title/3?episode=3"
          verb="Resume"
        />
      </MemoryRouter>,
    );
    expect(
      // jsdom puts a space between inline spans where browsers do not
      screen.getByRole('link', { name: /^Resume Rainmouth S1:E3 · The Velvet Ledger ?, 42% watched$/ }),
    ).toHaveAttribute('href', '/watch/title/3?episode=3');
  });

  it('keeps its box and shows the name when the poster fails to load', () => {
    render(
      <MemoryRouter>
        <TitleCard title={titleSummary(3, { title: 'Rainmouth' })} />
      </MemoryRouter>,
    );
    fireEvent.error(screen.getByRole('img', { name: 'Rainmouth' }));
    const fallback = screen.getByRole('img', { name: 'Rainmouth' });
    expect(fallback.tagName).toBe('DIV');
    expect(fallback).toHaveTextContent('Rainmouth');
    expect(fallback.parentElement).toHaveClass('aspect-[2/3]');
  });
});
