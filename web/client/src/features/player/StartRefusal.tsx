import { describeError, isApiError } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';

import { useSignedIn } from '../../app/useSignedIn';
import { TIER_NAMES } from '../../lib/format';
import { LinkButton, RefusalPage } from './RefusalPage';
import { StreamLimitPage } from './StreamLimitPage';

export interface WayBack {
  to: string;
  label: string; // "Back to the title", "Back to the guide"
}

// Why playback could not start, as a page: one per problem kind the start route answers.
export function StartRefusal({
  error,
  what,
  back,
  onRetry,
  liveFallback,
}: {
  error: unknown;
  what: 'title' | 'channel';
  back: WayBack;
  onRetry: () => void;
  // For a programme that cannot be started over: the channel live instead.
  liveFallback?: string;
}) {
  const { account, profile } = useSignedIn();
  const backLink = <LinkButton to={back.to}>{back.label}</LinkButton>;

  if (isApiError(error, 'tier-required')) {
    const needed = error.problem.required_tier;
    return (
      <RefusalPage
        title={`This ${what} needs the ${needed ? TIER_NAMES[needed] : 'a higher'} plan`}
        actions={
          <>
            {!profile.kids && (
              <LinkButton to="/account" variant="primary">
                See plans
              </LinkButton>
            )}
            {backLink}
          </>
        }
      >
        <p>
          Your account is on the {TIER_NAMES[account.tier]} plan.{' '}
          {profile.kids
            ? 'Ask the account owner to upgrade to watch it.'
            : `Upgrade to ${needed ? TIER_NAMES[needed] : 'a higher plan'} to watch it.`}
        </p>
      </RefusalPage>
    );
  }

  if (isApiError(error, 'maturity-restricted')) {
    return (
      <RefusalPage
        title={profile.kids ? 'This one is not for kids' : 'Not available on this profile'}
        actions={
          <>
            <LinkButton to="/profiles" variant="primary">
              Switch profile
            </LinkButton>
            {backLink}
          </>
        }
      >
        <p>
          It is rated {error.problem.rating ?? 'above this profile’s limit'}, and {profile.name} may watch titles rated
          up to {profile.maturity_ceiling}.
        </p>
      </RefusalPage>
    );
  }

  if (isApiError(error, 'stream-limit')) {
    return <StreamLimitPage limit={error.problem.limit ?? null} onRetry={onRetry} back={backLink} />;
  }

  if (isApiError(error, 'no-media')) {
    return (
      <RefusalPage title={`This ${what} is not ready to watch yet`} actions={backLink}>
        <p>
          {what === 'title'
            ? 'Its video has not been added or is still being prepared. Check back later.'
            : 'The channel’s stream is still being prepared. Check back in a few minutes.'}
        </p>
      </RefusalPage>
    );
  }

  if (isApiError(error, 'not-found')) {
    return (
      <RefusalPage
        title={`This ${what} is not here`}
        actions={
          <>
            <LinkButton to="/" variant="primary">
              Back to Home
            </LinkButton>
            {what === 'channel' && backLink}
          </>
        }
      >
        <p>It may have been removed, or it is not available on this profile.</p>
      </RefusalPage>
    );
  }

  if (isApiError(error, 'validation') && liveFallback) {
    return (
      <RefusalPage
        title="This programme cannot be started over"
        actions={
          <>
            <LinkButton to={liveFallback} variant="primary">
              Watch live
            </LinkButton>
            {backLink}
          </>
        }
      >
        <p>Programmes can be watched from the start once they have begun, for up to 7 days.</p>
      </RefusalPage>
    );
  }

  const { title, detail } = describeError(error);
  return (
    <RefusalPage
      title={title}
      actions={
        <>
          <Button onClick={onRetry}>Try again</Button>
          {backLink}
        </>
      }
    >
      <p>{detail}</p>
    </RefusalPage>
  );
}
