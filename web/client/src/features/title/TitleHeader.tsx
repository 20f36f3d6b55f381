import type { Genre, TitleDetail } from '@kinora/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { formatRuntime } from '../../lib/format';
import { Artwork } from '../catalog/Artwork';
import { Backdrop } from '../catalog/Backdrop';
import { maturityLabel } from '../catalog/maturity';
import { TierBadge } from '../catalog/TierBadge';
import { browsePath } from '../browse/filters';

const genreName = (slug: string, genres: Genre[] | undefined) =>
  genres?.find((g) => g.slug === slug)?.name ?? slug.charAt(0).toUpperCase() + slug.slice(1);

// Backdrop, poster and the facts of a title; `actions` are its buttons.
export function TitleHeader({
  title,
  genres,
  actions,
}: {
  title: TitleDetail;
  genres: Genre[] | undefined;
  actions: ReactNode;
}) {
  const runtime =
    title.type === 'series'
      ? `${title.seasons?.length ?? 0} ${title.seasons?.length === 1 ? 'season' : 'seasons'}`
      : formatRuntime(title.runtime_minutes);
  return (
    <header className="relative min-w-0 md:min-h-[38vw]">
      <Backdrop src={title.backdrop_url} />
      <div className="relative -mt-8 flex max-w-3xl flex-col gap-3 px-4 md:mt-0 md:w-[55%] md:px-8 md:pt-[6vw] 2xl:pt-32">
        <div className="flex items-end gap-4">
          <Artwork
            src={title.poster_url}
            alt={title.title}
            kind="poster"
            eager
            className="w-24 shrink-0 rounded-lg shadow-2xl ring-1 ring-white/10 md:w-36"
          />
          <h1 className="min-w-0 break-words text-3xl font-black leading-tight text-white md:text-5xl">
            {title.title}
          </h1>
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-300">
          <span>{title.year}</span>
          <span>{runtime}</span>
          <span className="rounded border border-neutral-400 px-1.5 text-xs">
            <span className="sr-only">Rated </span>
            {maturityLabel(title.maturity_rating)}
          </span>
          <span>{title.type === 'series' ? 'Series' : 'Movie'}</span>
          <TierBadge tier={title.tier} />
        </p>
        {title.genres.length > 0 && (
          <ul aria-label="Genres" className="flex flex-wrap gap-2">
            {title.genres.map((slug) => (
              <li key={slug}>
                <Link
                  to={browsePath({ genre: slug })}
                  className="focus-ring inline-block rounded-full bg-white/10 px-3 py-1 text-xs font-medium text-neutral-100 hover:bg-white/20"
                >
                  {genreName(slug, genres)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {actions}
        <p className="text-neutral-200 md:text-lg">{title.synopsis}</p>
        <dl className="grid grid-cols-[auto,1fr] gap-x-3 gap-y-1 text-sm">
          {title.cast.length > 0 && (
            <>
              <dt className="text-neutral-400">Cast</dt>
              <dd className="text-neutral-200">{title.cast.join(', ')}</dd>
            </>
          )}
          {title.director && (
            <>
              <dt className="text-neutral-400">Director</dt>
              <dd className="text-neutral-200">{title.director}</dd>
            </>
          )}
        </dl>
      </div>
    </header>
  );
}
