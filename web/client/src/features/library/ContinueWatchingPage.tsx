import { useQuery } from '@tanstack/react-query';

import { useSignedIn } from '../../app/useSignedIn';
import { continueProgress, resumePath } from '../catalog/continueProgress';
import { TitleCard } from '../catalog/TitleCard';
import { useBackKey } from '../catalog/useBackKey';
import { LibraryPage } from './LibraryPage';
import { continueWatchingQuery, useDismissContinueMutation } from './queries';
import { RemoveButton } from './RemoveButton';

export default function ContinueWatchingPage() {
  useBackKey();
  const { profile } = useSignedIn();
  const list = useQuery(continueWatchingQuery());
  const dismiss = useDismissContinueMutation();
  return (
    <LibraryPage
      heading="Continue Watching"
      query={list}
      items={list.data?.items ?? []}
      itemKey={(i) => i.title.id}
      renderItem={(i) => (
        <>
          <TitleCard
            title={i.title}
            progress={continueProgress(i)}
            to={resumePath(i)}
            verb="Resume"
            kids={profile.kids}
          />
          <RemoveButton label="Remove" titleName={i.title.title} onClick={() => dismiss.mutate(i.title.id)} />
        </>
      )}
      empty={{ title: 'Nothing in progress', body: 'Titles you start watching show up here, ready to resume.' }}
      failedChange={dismiss.error}
    />
  );
}
