// How far into a title the profile is; decorative next to a text equivalent.
export function ProgressBar({ value, className = '' }: { value: number; className?: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div aria-hidden="true" className={`h-1 w-full overflow-hidden rounded-full bg-white/25 ${className}`}>
      <div className="h-full rounded-full bg-brand-500" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function percentWatched(value: number): string {
  return `${Math.round(Math.min(1, Math.max(0, value)) * 100)}% watched`;
}
