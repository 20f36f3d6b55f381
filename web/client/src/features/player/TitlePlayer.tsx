import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { episodeLabel, findEpisode, nextEpisode, upNextFrom } from './episodes';
import { NextEpisode } from './NextEpisode';
import type { PlaybackFailure } from './playbackError';
import { PlayerFrame } from './PlayerFrame';
import { titleQuery } from './queries';
import { PlaybackFailedPage } from './RefusalPage';
import { ResumeToast } from './ResumeToast';
import { StartRefusal } from './StartRefusal';
import { useGoBack } from './useGoBack';
import { usePlayback } from './usePlayback';
import { usePlaybackStart } from './usePlaybackStart';

// A movie or an episode: /watch/title/:id[?episode=<id>][&start=0].
export function TitlePlayer({ titleId }: { titleId: number }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const episodeParam = Number(params.get('episode'));
  const episodeId = Number.isInteger(episodeParam) && episodeParam > 0 ? episodeParam : null;
  const fromStart = params.get('start') === '0';
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<PlaybackFailure | null>(null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [cancelledUpNext, setCancelledUpNext] = useState<number | null>(null);

  const started = usePlaybackStart(
    episodeId ? { title_id: titleId, episode_id: episodeId } : { title_id: titleId },
    attempt,
  );
  const start = started.status === 'ready' && !failure ? started.start : null;
  // Asked only once playing is allowed: a title outside the plan is a 404 in the catalog.
  const title = useQuery({ ...titleQuery(titleId), enabled: start !== null });
  const resumeAt = start && !fromStart ? start.resume_position_seconds : 0;
  const { engine, state } = usePlayback(start, video, resumeAt, () =>
    setFailure({
      title: 'This stream has ended',
      detail: 'It was stopped from another device or timed out. Start it again to keep watching.',
      sessionGone: true,
    }),
  );

  useEffect(() => {
    if (state.failure) setFailure(state.failure);
  }, [state.failure]);

  const back = { to: `/title/${titleId}`, label: 'Back to the title' };
  const goBack = useGoBack(back.to);
  const retry = () => {
    setFailure(null);
    setAttempt((a) => a + 1);
    // Try again from where it stopped (the session saved it), not from the start again.
    if (fromStart) navigate(episodeId ? `?episode=${episodeId}` : '?', { replace: true });
  };

  if (started.status === 'error') {
    return <StartRefusal error={started.error} what="title" back={back} onRetry={retry} />;
  }
  if (failure) return <PlaybackFailedPage failure={failure} onRetry={retry} back={back} />;

  const playingEpisode = start?.episode_id ?? null;
  const current = findEpisode(title.data, playingEpisode);
  const next = nextEpisode(title.data, playingEpisode);
  const nearEnd = state.duration > 0 && (state.ended || state.currentTime >= upNextFrom(state.duration));
  const offerNext = next && nearEnd && state.phase === 'ready' && cancelledUpNext !== playingEpisode;

  return (
    <PlayerFrame
      heading={title.data?.title ?? 'Now playing'}
      subheading={current ? episodeLabel(current) : undefined}
      backLabel={back.label}
      onBack={goBack}
      state={state}
      engine={engine}
      onVideo={setVideo}
      centerPlay={!offerNext}
      overlay={
        <>
          <ResumeToast at={resumeAt} show={resumeAt > 0 && state.phase === 'ready'} />
          {offerNext && (
            <NextEpisode
              key={next.episode.id}
              next={next}
              onPlay={() => navigate(`/watch/title/${titleId}?episode=${next.episode.id}`, { replace: true })}
              onCancel={() => setCancelledUpNext(playingEpisode)}
            />
          )}
        </>
      }
    />
  );
}
