import type { TitleSummary } from '@kinora/shared';
import { Link } from 'react-router-dom';

import { Artwork } from './Artwork';
import { titlePath } from './links';
import { percentWatched, ProgressBar } from './ProgressBar';

export interface CardProgress {
  value: number;
  label?: string; // e.g. "S1:E3 · The Velvet Ledger"
}

// A poster card: the whole card is one link to the title page. Its accessible name
// comes from its content (no aria-label, so it always matches what is on screen): the
// poster's alt (the title), then the year or progress; the caption repeats the title
// for the eye only.
export function TitleCard({
  title,
  progress,
  to = titlePath(title.id),
  kids = false,
  eager = false,
  verb,
}: {
  title: TitleSummary;
  progress?: CardProgress;
  to?: string;
  kids?: boolean;
  eager?: boolean;
  verb?: string; // when the card does more than open the title page, e.g. "Resume"
}) {
  return (
    <Link to={to} className={`focus-ring group block rounded-lg ${kids ? 'rounded-2xl' : ''}`} data-title-id={title.id}>
      {verb && <span className="sr-only">{verb} </span>}
      <Artwork
        src={title.poster_url}
        alt={title.title}
        kind="poster"
        eager={eager}
        className={`transition-transform group-hover:scale-[1.03] motion-reduce:transition-none motion-reduce:group-hover:scale-100 ${kids ? 'rounded-2xl ring-4 ring-yellow-300/70' : 'rounded-lg'}`}
      />
      {progress && <ProgressBar value={progress.value} className="mt-2" />}
      <span className="mt-2 block px-0.5">
        <span
          aria-hidden="true"
          className={`line-clamp-2 font-semibold leading-tight ${kids ? 'text-base text-yellow-100' : 'text-sm text-neutral-100'}`}
        >
          {title.title}
        </span>
        {/* a space, so the name reads "Rainmouth 2021" in every browser */}{' '}
        <span className="block text-xs text-neutral-400">
          {progress?.label ?? title.year}
          {progress && <span className="sr-only">, {percentWatched(progress.value)}</span>}
        </span>
      </span>
    </Link>
  );
}
