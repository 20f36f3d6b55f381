import { isApiError, type TitleDetail, type WatchEntry } from '@kinora/shared';
import { ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useParams } from 'react-router-dom';

import { NotFoundPage } from '../../app/NotFoundPage';
import { useSignedIn } from '../../app/useSignedIn';
import { genresQuery } from '../catalog/queries';
import { planIncludes } from '../catalog/plan';
import { useBackKey } from '../catalog/useBackKey';
import { continueWatchingQuery } from '../library/queries';
import { Episodes } from './Episodes';
import { MoreLikeThis } from './MoreLikeThis';
import { PlayActions } from './PlayActions';
import { bookmarkQuery, historyQuery, titleQuery } from './queries';
import { RatingButtons } from './RatingButtons';
import { resumePoint } from './resume';
import { TitleHeader } from './TitleHeader';
import { WatchlistButton } from './WatchlistButton';

export default function TitlePage() {
  useBackKey();
  const { titleId } = useParams();
  const id = /^[1-9]\d{0,15}$/.test(titleId ?? '') ? Number(titleId) : null;
  if (id === null) return <NotFoundPage what="title" />;
  // A fresh view per title: the season picker starts again on another title.
  return <TitleView key={id} id={id} />;
}

function TitleView({ id }: { id: number }) {
  const detail = useQuery(titleQuery(id));
  const genres = useQuery(genresQuery());

  useEffect(() => {
    if (!detail.data) return;
    const before = document.title;
    document.title = `${detail.data.title} · Kinora`;
    return () => {
      document.title = before;
    };
  }, [detail.data]);

  if (detail.isPending) return <TitleSkeleton />;
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage what="title" />;
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  return <TitleLoaded title={detail.data} genres={genres.data} />;
}

function TitleLoaded({ title, genres }: { title: TitleDetail; genres: Parameters<typeof TitleHeader>[0]['genres'] }) {
  const { account, profile } = useSignedIn();
  const cont = useQuery(continueWatchingQuery());
  const bookmark = useQuery(bookmarkQuery(title.id));
  const history = useQuery({ ...historyQuery(), enabled: title.type === 'series' });
  const playable = planIncludes(account.tier, title.tier);

  const resume = resumePoint(
    cont.data?.items.find((i) => i.title.id === title.id),
    bookmark.data,
  );
  const progress = useMemo(() => {
    const byEpisode = new Map<number, WatchEntry>();
    for (const entry of history.data?.items ?? []) {
      if (entry.title.id === title.id && entry.episode && !byEpisode.has(entry.episode.id)) {
        byEpisode.set(entry.episode.id, entry);
      }
    }
    return byEpisode;
  }, [history.data, title.id]);
  const resumeSeason = title.seasons?.find((s) => s.episodes.some((e) => e.id === resume?.episodeId));
  // Wait for where the profile is before offering Play, so it does not turn into Resume.
  const positionKnown = !cont.isPending && !bookmark.isPending;

  return (
    <article className="flex min-w-0 flex-col gap-10">
      <TitleHeader
        title={title}
        genres={genres}
        actions={
          <div className="flex flex-col gap-4">
            {positionKnown ? (
              <PlayActions title={title} accountTier={account.tier} resume={resume} canManagePlan={!profile.kids} />
            ) : (
              <Skeleton className="h-11 w-48" />
            )}
            <div className="flex flex-wrap items-start gap-3">
              <WatchlistButton title={title} />
              <RatingButtons title={title} />
            </div>
          </div>
        }
      />
      {title.type === 'series' && title.seasons && title.seasons.length > 0 && (
        <Episodes
          key={resumeSeason?.id ?? 'first'}
          titleId={title.id}
          seasons={title.seasons}
          progress={progress}
          initialSeasonId={resumeSeason?.id}
          playable={playable}
        />
      )}
      <MoreLikeThis titleId={title.id} kids={profile.kids} />
    </article>
  );
}

function TitleSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <span className="sr-only" role="status">
        Loading title…
      </span>
      <Skeleton className="aspect-video max-h-[60vh] w-full rounded-none" />
      <div className="flex flex-col gap-3 px-4 md:px-8">
        <Skeleton className="h-10 w-2/3 max-w-md" />
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-20 w-full max-w-3xl" />
      </div>
    </div>
  );
}
