import type { ReactNode } from 'react';

import { describeError } from '../api/problem';
import { Button } from './Button';

// A failed load: what happened in words, a retry, and a way elsewhere.
export function ErrorState({ error, onRetry, action }: { error: unknown; onRetry?: () => void; action?: ReactNode }) {
  const { title, detail } = describeError(error);
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-12 text-center">
      <h2 className="text-xl font-semibold text-white">{title}</h2>
      <p className="text-neutral-300">{detail}</p>
      <div className="mt-2 flex gap-3">
        {onRetry && <Button onClick={onRetry}>Try again</Button>}
        {action}
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-12 text-center">
      <h2 className="text-xl font-semibold text-white">{title}</h2>
      {children && <div className="text-neutral-300">{children}</div>}
    </div>
  );
}

export function Skeleton({ className = '' }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-md bg-neutral-800 motion-reduce:animate-none ${className}`}
    />
  );
}
