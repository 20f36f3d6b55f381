import type { Playability } from '@kinora/shared';

// What the title page shows instead of Play while a title has nothing to play yet:
// calm and informative, since "preparing" fixes itself in a few minutes.
export function MediaNotice({ media }: { media: Exclude<Playability, 'ready'> }) {
  if (media === 'preparing') {
    return (
      <div role="status" className="flex items-center gap-3 rounded-md bg-sky-400/10 px-4 py-3 ring-1 ring-sky-400/40">
        <span aria-hidden="true" className="h-2.5 w-2.5 shrink-0 animate-pulse rounded-full bg-sky-300" />
        <p className="text-sky-50">
          <strong>Being prepared</strong> — check back in a few minutes.
        </p>
      </div>
    );
  }
  return (
    <div role="status" className="rounded-md bg-neutral-700/50 px-4 py-3 ring-1 ring-neutral-500/50">
      <p className="text-neutral-200">Not available to watch yet.</p>
    </div>
  );
}
