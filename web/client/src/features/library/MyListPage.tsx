import { useQuery } from '@tanstack/react-query';

import { useSignedIn } from '../../app/useSignedIn';
import { TitleCard } from '../catalog/TitleCard';
import { useBackKey } from '../catalog/useBackKey';
import { LibraryPage } from './LibraryPage';
import { useWatchlistMutation, watchlistQuery } from './queries';
import { RemoveButton } from './RemoveButton';

export default function MyListPage() {
  useBackKey();
  const { profile } = useSignedIn();
  const list = useQuery(watchlistQuery());
  const change = useWatchlistMutation();
  return (
    <LibraryPage
      heading="My List"
      query={list}
      items={list.data?.items ?? []}
      itemKey={(e) => e.title.id}
      renderItem={(e) => (
        <>
          <TitleCard title={e.title} kids={profile.kids} />
          <RemoveButton
            label="Remove from My List"
            titleName={e.title.title}
            onClick={() => change.mutate({ title: e.title, add: false })}
          />
        </>
      )}
      empty={{ title: 'Your list is empty', body: 'Add titles with “Add to My List” on their page to find them here.' }}
      failedChange={change.error}
    />
  );
}
