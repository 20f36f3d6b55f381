import { EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';

import { titleQuery } from '../titles/queries';
import { formatScore } from './embeddingList';
import { similarTitlesQuery } from './queries';

// The titles nearest to the chosen one, as viewers' More Like This ranks them (every plan
// and rating: admins see all), with the cosine score of each.
export function SimilarPanel({ titleId }: { titleId: number | undefined }) {
  const similar = useQuery({ ...similarTitlesQuery(titleId ?? 0), enabled: titleId !== undefined });
  const anchor = useQuery({ ...titleQuery(titleId ?? 0), enabled: titleId !== undefined });
  if (titleId === undefined)
    return <EmptyState title="No title chosen">Choose “Similar titles” on a row to see its neighbours.</EmptyState>;
  if (similar.isPending) return <Skeleton className="h-64 w-full" />;
  if (similar.isError) return <ErrorState error={similar.error} onRetry={() => void similar.refetch()} />;
  const { items, source } = similar.data;
  return (
    <div className="flex flex-col gap-3">
      {anchor.data && (
        <p className="font-semibold text-white">
          Similar to{' '}
          <Link to={`/titles/${titleId}`} className="focus-ring rounded underline">
            {anchor.data.data.title}
          </Link>
        </p>
      )}
      <p className="text-sm text-neutral-300">
        {source === 'embeddings'
          ? 'Nearest by embedding (cosine similarity, 1 is identical).'
          : 'No embedding for this title (or no model loaded): the fallback by shared genres, then popularity, without scores.'}
      </p>
      {items.length === 0 ? (
        <EmptyState title="No similar titles" />
      ) : (
        <ol aria-label="Similar titles" className="flex flex-col divide-y divide-neutral-800">
          {items.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-3 py-2">
              <Link to={`/titles/${t.id}`} className="focus-ring rounded text-white hover:underline">
                {t.title}
                <span className="ml-2 text-xs text-neutral-400">
                  {t.year} · {t.tier} · {t.maturity_rating}
                </span>
              </Link>
              <span className="font-mono text-sm text-neutral-200" aria-label={`score ${formatScore(t.score)}`}>
                {formatScore(t.score)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
