import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

import { formatTimeOfDay } from '../../lib/format';
import type { PlaybackFailure } from './playbackError';
import { PlayerFrame } from './PlayerFrame';
import { scheduleQuery } from './queries';
import { PlaybackFailedPage } from './RefusalPage';
import { StartRefusal } from './StartRefusal';
import type { Programme } from './types';
import { useGoBack } from './useGoBack';
import { usePlayback } from './usePlayback';
import { usePlaybackStart } from './usePlaybackStart';

const HOUR = 3600_000;

// UTC timestamps floored to the minute, so the schedule query key is stable.
const stamp = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

// A channel live, or with ?programme=<id> one of its programmes from its start.
export function ChannelPlayer({ channelId }: { channelId: number }) {
  const [params] = useSearchParams();
  const programmeParam = Number(params.get('programme'));
  const programmeId = Number.isInteger(programmeParam) && programmeParam > 0 ? programmeParam : null;
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<PlaybackFailure | null>(null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const now = useNow();
  // Start-over reaches back up to 7 days (the route's limit); live needs only now and next.
  const [range] = useState(() =>
    programmeId
      ? { from: stamp(Date.now() - 7 * 24 * HOUR + 60_000), to: stamp(Date.now() + 60_000) }
      : { from: stamp(Date.now() - HOUR), to: stamp(Date.now() + 6 * HOUR) },
  );

  const started = usePlaybackStart(
    programmeId ? { channel_id: channelId, programme_id: programmeId } : { channel_id: channelId },
    attempt,
  );
  const start = started.status === 'ready' && !failure ? started.start : null;
  const schedule = useQuery({
    ...scheduleQuery(channelId, range.from, range.to),
    enabled: start !== null,
    refetchInterval: programmeId ? false : 10 * 60_000,
  });
  // Start-over from the programme's first second (Shaka would join an EVENT playlist
  // near its end); live from the live edge.
  const { engine, state } = usePlayback(start, video, programmeId ? 0 : null, () =>
    setFailure({
      title: 'This stream has ended',
      detail: 'It was stopped from another device or timed out. Start it again to keep watching.',
      sessionGone: true,
    }),
  );
  useEffect(() => {
    if (state.failure) setFailure(state.failure);
  }, [state.failure]);

  const back = { to: '/guide', label: 'Back to the guide' };
  const goBack = useGoBack(back.to);
  const retry = () => {
    setFailure(null);
    setAttempt((a) => a + 1);
  };

  if (started.status === 'error') {
    return (
      <StartRefusal
        error={started.error}
        what="channel"
        back={back}
        onRetry={retry}
        liveFallback={programmeId ? `/watch/channel/${channelId}` : undefined}
      />
    );
  }
  if (failure) return <PlaybackFailedPage failure={failure} onRetry={retry} back={back} />;

  const items = schedule.data?.items ?? [];
  const programme = programmeId
    ? items.find((p) => p.id === programmeId)
    : items.find((p) => Date.parse(p.start) <= now && now < Date.parse(p.stop));
  return (
    <PlayerFrame
      heading={schedule.data?.channel.name ?? 'Live TV'}
      subheading={programme ? <ProgrammeLine programme={programme} startOver={programmeId !== null} /> : undefined}
      backLabel={back.label}
      onBack={goBack}
      state={state}
      engine={engine}
      onVideo={setVideo}
    />
  );
}

function ProgrammeLine({ programme: p, startOver }: { programme: Programme; startOver: boolean }) {
  const times = `${formatTimeOfDay(new Date(p.start))}–${formatTimeOfDay(new Date(p.stop))}`;
  return (
    <>
      {startOver && <span className="mr-2 font-semibold text-brand-400">From the start</span>}
      {p.title}
      {p.subtitle ? `: ${p.subtitle}` : ''} · {times}
    </>
  );
}

// The clock, every 30 s: enough to move on to the next programme.
function useNow() {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
