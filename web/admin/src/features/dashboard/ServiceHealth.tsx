import type { Readiness } from '@kinora/shared';
import { ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { readinessQuery } from './queries';

type Kernels = NonNullable<Readiness['encoder']>['kernels'];

// "Kinora AVX-512 dense layers · OpenBLAS SkylakeX (AVX-512) attention · AVX-512 CPU"
const kernelsLine = (k: Kernels) =>
  `Kinora ${k.dense} dense layers · OpenBLAS ${k.blas} (${k.blas_instruction_set}) attention · ${k.cpu} CPU`;

// Readiness as /readyz reports it: the database, where playback sessions live (Redis
// when configured), whether the encoder behind recommendations is loaded and which
// kernels it runs on.
export function ServiceHealth() {
  const ready = useQuery(readinessQuery());
  if (ready.isPending) return <Skeleton className="h-24" />;
  if (ready.isError) return <ErrorState error={ready.error} onRetry={() => void ready.refetch()} />;
  const { database: db, sessions, encoder } = ready.data;
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
      {sessions && (
        <>
          <dt className="text-neutral-400">Playback sessions</dt>
          <dd className={sessions.reachable ? 'text-white' : 'font-semibold text-red-300'}>
            {sessions.store}
            {sessions.reachable ? '' : ` · unreachable: ${sessions.error ?? ''}`}
          </dd>
        </>
      )}
      {encoder && (
        <>
          <dt className="text-neutral-400">Encoder</dt>
          <dd className={encoder.loaded ? 'text-white' : 'text-amber-300'}>
            {encoder.loaded
              ? `${encoder.model} · ${encoder.embedded_titles.toLocaleString()} titles embedded`
              : 'No model loaded: recommendations and search by meaning use the lexical fallback'}
            {!encoder.loaded && encoder.problem && <span className="block text-neutral-300">{encoder.problem}</span>}
          </dd>
          <dt className="text-neutral-400">Encoder kernels</dt>
          <dd className={encoder.kernels.slow_fallback ? 'font-semibold text-amber-300' : 'text-white'}>
            {kernelsLine(encoder.kernels)}
            {encoder.kernels.slow_fallback && (
              <span className="block font-normal text-neutral-300">
                Slower than this CPU can run: the start-up log names the fix.
              </span>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
