import { useParams } from 'react-router-dom';

import { ChannelPlayer } from './ChannelPlayer';
import { LinkButton, RefusalPage } from './RefusalPage';
import { TitlePlayer } from './TitlePlayer';

// /watch/title/:titleId and /watch/channel/:channelId. Keyed by id, so moving to another
// title or channel starts a new player (and a new session) from scratch.
export default function PlayerPage() {
  const { titleId, channelId } = useParams();
  const id = Number(titleId ?? channelId);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <RefusalPage
        title={`This ${titleId !== undefined ? 'title' : 'channel'} is not here`}
        actions={
          <LinkButton to="/" variant="primary">
            Back to Home
          </LinkButton>
        }
      >
        <p>The link is not a valid address.</p>
      </RefusalPage>
    );
  }
  return titleId !== undefined ? <TitlePlayer key={id} titleId={id} /> : <ChannelPlayer key={id} channelId={id} />;
}
