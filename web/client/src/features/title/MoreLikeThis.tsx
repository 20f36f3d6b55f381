import { Button } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { Rail, RailSkeleton } from '../catalog/Rail';
import { TitleCard } from '../catalog/TitleCard';
import { similarQuery } from './queries';

export function MoreLikeThis({ titleId, kids }: { titleId: number; kids: boolean }) {
  const similar = useQuery(similarQuery(titleId));
  if (similar.isPending) return <RailSkeleton />;
  if (similar.isError) {
    return (
      <div role="alert" className="flex items-center gap-3 px-4 text-neutral-300 md:px-8">
        More Like This did not load.
        <Button variant="ghost" onClick={() => void similar.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <Rail
      title="More Like This"
      reason={similar.data.reason}
      kids={kids}
      items={similar.data.items}
      itemKey={(t) => t.id}
      renderItem={(t) => <TitleCard title={t} kids={kids} />}
    />
  );
}
