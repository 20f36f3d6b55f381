import { ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { embeddingStatusQuery } from '../embeddings/queries';
import { readinessQuery } from './queries';

// Readiness as /readyz reports it, and whether the encoder behind recommendations is loaded.
export function ServiceHealth() {
  const ready = useQuery(readinessQuery());
  const encoder = useQuery(embeddingStatusQuery());
  if (ready.isPending || encoder.isPending) return <Skeleton className="h-24" />;
  if (ready.isError) return <ErrorState error={ready.error} onRetry={() => void ready.refetch()} />;
  const db = ready.data.database;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
      <dt className="text-neutral-400">Status</dt>
      <dd className={ready.data.status === 'ready' ? 'text-emerald-300' : 'font-semibold text-red-300'}>
        {ready.data.status === 'ready' ? 'Ready' : 'Not ready'}
      </dd>
      <dt className="text-neutral-400">Database</dt>
      <dd className="text-white">
        {db.backend} · {db.reachable ? `${db.latency_ms.toFixed(1)} ms` : `unreachable: ${db.error ?? ''}`} · pool{' '}
        {db.pool.in_use}/{db.pool.capacity}
      </dd>
      <dt className="text-neutral-400">Encoder</dt>
      <dd className="text-white">
        {encoder.isError
          ? 'Status unavailable'
          : encoder.data.model
            ? `${encoder.data.model} · ${encoder.data.embedded_titles.toLocaleString()} titles embedded`
            : 'No model loaded: recommendations use the lexical fallback'}
      </dd>
    </dl>
  );
}
