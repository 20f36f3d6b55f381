import type { PlaybackSession, Profile } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { formatTimeOfDay } from '../../lib/format';
import { channelNameQuery, titleNameQuery, useStopStream } from './queries';

// The account's live streams: who is watching what since when. Only the profile that
// started a stream may stop it (the server's rule), so only those get a Stop button.
export function StreamList({
  streams,
  profiles,
  currentProfileId,
  emptyText = 'Nothing is playing on this account right now.',
}: {
  streams: PlaybackSession[];
  profiles: Profile[];
  currentProfileId: number;
  emptyText?: string;
}) {
  const stop = useStopStream();
  if (!streams.length) return <p className="text-neutral-400">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {streams.map((s) => (
        <li key={s.id} className="flex items-center gap-3 rounded-md bg-neutral-800/70 px-4 py-3">
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-white">
              <StreamLabel stream={s} />
            </p>
            <p className="text-sm text-neutral-400">
              {profiles.find((p) => p.id === s.profile_id)?.name ?? 'Another profile'} · started{' '}
              {formatTimeOfDay(new Date(s.started_at))}
            </p>
          </div>
          {s.profile_id === currentProfileId && (
            <Button
              variant="secondary"
              busy={stop.isPending && stop.variables === s.id}
              onClick={() => stop.mutate(s.id)}
            >
              Stop
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

function StreamLabel({ stream }: { stream: PlaybackSession }) {
  const title = useQuery({ ...titleNameQuery(stream.title_id ?? 0), enabled: stream.title_id !== null });
  const channel = useQuery({ ...channelNameQuery(stream.channel_id ?? 0), enabled: stream.channel_id !== null });
  if (stream.channel_id !== null) return <>{channel.data ? `Live: ${channel.data}` : 'A live channel'}</>;
  return <>{title.data ?? 'A title'}</>;
}
