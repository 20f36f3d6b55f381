import { Button } from '@kinora/shared/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import type { PlaybackFailure } from './playbackError';

// A full page in place of the player when it cannot play: what happened, why, and a
// way on (never a black screen with a broken player).
export function RefusalPage({ title, children, actions }: { title: string; children?: ReactNode; actions: ReactNode }) {
  const { profile } = useSignedIn();
  // Kids profiles get the brighter, rounder look of the rest of their app.
  const look = profile.kids ? 'bg-gradient-to-b from-indigo-900 to-violet-950' : 'bg-neutral-950';
  return (
    <main className={`flex min-h-screen items-center justify-center px-4 py-12 text-white ${look}`}>
      <div role="alert" className="flex w-full max-w-xl flex-col items-center gap-4 text-center">
        <h1 className={`font-semibold ${profile.kids ? 'text-3xl sm:text-4xl' : 'text-2xl sm:text-3xl'}`}>{title}</h1>
        {children && <div className="flex w-full flex-col gap-3 text-neutral-300">{children}</div>}
        <div className="mt-2 flex flex-wrap justify-center gap-3">{actions}</div>
      </div>
    </main>
  );
}

const LINK = {
  primary: 'bg-white text-neutral-950 hover:bg-neutral-200',
  secondary: 'bg-neutral-700/80 text-white hover:bg-neutral-600',
};

// A link that looks like the shared Button.
export function LinkButton({
  to,
  children,
  variant = 'secondary',
}: {
  to: string;
  children: ReactNode;
  variant?: keyof typeof LINK;
}) {
  return (
    <Link
      to={to}
      className={`focus-ring inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold ${LINK[variant]}`}
    >
      {children}
    </Link>
  );
}

// Playback that started and then failed for good (Shaka gave up retrying).
export function PlaybackFailedPage({
  failure,
  onRetry,
  back,
}: {
  failure: PlaybackFailure;
  onRetry: () => void;
  back: { to: string; label: string };
}) {
  return (
    <RefusalPage
      title={failure.title}
      actions={
        <>
          <Button onClick={onRetry}>Try again</Button>
          <LinkButton to={back.to}>{back.label}</LinkButton>
        </>
      }
    >
      <p>{failure.detail}</p>
    </RefusalPage>
  );
}
