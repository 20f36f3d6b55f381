import { ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';

import { PageHeader, Section } from '../../ui/PageHeader';
import { Breakdown, Figure } from './Breakdown';
import { ChannelHorizon } from './ChannelHorizon';
import { PlaysChart } from './PlaysChart';
import { statsQuery } from './queries';
import { RecentJobs } from './RecentJobs';
import { ServiceHealth } from './ServiceHealth';

export default function DashboardPage() {
  const stats = useQuery(statsQuery());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Dashboard" />
      {stats.isPending ? (
        <div className="grid gap-4 md:grid-cols-3">
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} className="h-28" />
          ))}
        </div>
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <Breakdown label="Titles" total={stats.data.titles.total} parts={stats.data.titles.by_type} />
            <Breakdown label="Accounts" total={stats.data.accounts.total} parts={stats.data.accounts.by_tier} />
            <Figure label="Watching now" value={stats.data.watching_now} />
            <Figure label="Titles without media" value={stats.data.titles.without_media} warn />
            <Breakdown label="Titles by plan" total={stats.data.titles.total} parts={stats.data.titles.by_tier} />
            <Breakdown label="Titles by rating" total={stats.data.titles.total} parts={stats.data.titles.by_rating} />
            <Figure label="Titles without embeddings" value={stats.data.titles.without_embedding} warn />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <Section title="Plays, last 7 days">
              <PlaysChart days={stats.data.plays_per_day} />
            </Section>
            <Section title="Most played this week">
              {stats.data.most_played.length ? (
                <ol className="flex flex-col gap-1 text-sm">
                  {stats.data.most_played.map((t, i) => (
                    <li key={t.id} className="flex justify-between gap-3">
                      <Link to={`/titles/${t.id}`} className="focus-ring truncate rounded text-white hover:underline">
                        {i + 1}. {t.title}
                      </Link>
                      <span className="text-neutral-300">{t.plays.toLocaleString()}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-neutral-400">Nothing was played in the last 7 days.</p>
              )}
            </Section>
            <Section title="Guide horizon">
              <ChannelHorizon channels={stats.data.channels} />
            </Section>
            <Section title="Recent media jobs">
              <RecentJobs jobs={stats.data.recent_media_jobs} />
            </Section>
          </div>
        </>
      )}
      <Section title="Service">
        <ServiceHealth />
      </Section>
    </div>
  );
}
