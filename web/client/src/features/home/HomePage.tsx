import type { ContinueItem, Rail as RailData, TitleSummary } from '@kinora/shared';
import { EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import { continueProgress, resumePath } from '../catalog/continueProgress';
import { genresQuery } from '../catalog/queries';
import { Rail, RailSkeleton } from '../catalog/Rail';
import { TitleCard } from '../catalog/TitleCard';
import { continueWatchingQuery } from '../library/queries';
import { GenreLinks } from './GenreLinks';
import { Hero } from './Hero';
import { featuredQuery, homeRailsQuery } from './queries';
import { seeAllFor } from './railLinks';

export default function HomePage() {
  const { profile } = useSignedIn();
  const kids = profile.kids;
  const rails = useQuery(homeRailsQuery());
  const featured = useQuery(featuredQuery());
  const progress = useQuery(continueWatchingQuery());
  const genres = useQuery({ ...genresQuery(), enabled: !kids });

  if (rails.isPending) return <HomeSkeleton />;
  if (rails.isError) return <ErrorState error={rails.error} onRetry={() => void rails.refetch()} />;

  const list = rails.data.rails;
  const hero: TitleSummary | undefined =
    featured.data?.items[0] ?? list.find((r) => r.id !== 'continue-watching')?.items[0];
  const inProgress = progress.data?.items ?? [];
  const resume = hero && inProgress.find((i) => i.title.id === hero.id);

  if (!hero && list.length === 0) {
    return (
      <EmptyState title="Nothing to watch here yet">
        <p>New titles for this profile will show up here.</p>
        <Link
          to="/search"
          className="focus-ring mt-4 inline-block rounded-md bg-white px-4 py-2 font-semibold text-neutral-950"
        >
          Search
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className={`flex min-w-0 flex-col ${kids ? 'gap-10' : 'gap-8'}`}>
      <h1 className="sr-only">Home</h1>
      {hero && <Hero title={hero} resume={resume} kids={kids} />}
      {list.map((rail) =>
        rail.id === 'continue-watching' && inProgress.length > 0 ? (
          <ContinueRail key={rail.id} rail={rail} items={inProgress} kids={kids} />
        ) : (
          <Rail
            key={rail.id}
            title={rail.title}
            reason={rail.reason}
            seeAll={seeAllFor(rail.id)}
            kids={kids}
            items={rail.items}
            itemKey={(t) => t.id}
            renderItem={(t) => <TitleCard title={t} kids={kids} />}
          />
        ),
      )}
      {!kids && genres.data && <GenreLinks genres={genres.data} />}
    </div>
  );
}

function ContinueRail({ rail, items, kids }: { rail: RailData; items: ContinueItem[]; kids: boolean }) {
  return (
    <Rail
      title={rail.title}
      reason={rail.reason}
      seeAll={seeAllFor(rail.id)}
      kids={kids}
      items={items}
      itemKey={(i) => i.title.id}
      renderItem={(i) => (
        <TitleCard title={i.title} progress={continueProgress(i)} to={resumePath(i)} verb="Resume" kids={kids} />
      )}
    />
  );
}

function HomeSkeleton() {
  return (
    <div className="flex flex-col gap-8" aria-busy="true">
      <span className="sr-only" role="status">
        Loading Home…
      </span>
      <Skeleton className="aspect-video max-h-[70vh] w-full rounded-none" />
      <RailSkeleton />
      <RailSkeleton />
    </div>
  );
}
