import type { Genre } from '@kinora/shared';
import { Link } from 'react-router-dom';

import { browsePath } from '../browse/filters';

// Shortcuts into Browse; genres with nothing this profile may see are left out.
export function GenreLinks({ genres, heading = 'Browse by genre' }: { genres: Genre[]; heading?: string }) {
  const shown = genres.filter((g) => g.title_count > 0);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="genre-links" className="px-4 md:px-8">
      <h2 id="genre-links" className="text-lg font-bold text-white md:text-xl">
        {heading}
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {shown.map((g) => (
          <li key={g.slug}>
            <Link
              to={browsePath({ genre: g.slug })}
              className="focus-ring inline-block rounded-full bg-neutral-800 px-4 py-2 text-sm font-medium text-neutral-100 hover:bg-neutral-700"
            >
              {g.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
