import type { Tone } from './titleStatus';

const TONES: Record<Tone, string> = {
  good: 'border-emerald-500/60 bg-emerald-950/60 text-emerald-200',
  busy: 'border-sky-500/60 bg-sky-950/60 text-sky-200',
  warn: 'border-amber-500/60 bg-amber-950/60 text-amber-200',
  bad: 'border-red-500/60 bg-red-950/60 text-red-200',
  none: 'border-neutral-600 bg-neutral-900 text-neutral-300',
};

// A small pill with a word (never colour alone) and an optional detail line below it.
export function StatusBadge({ label, tone, detail }: { label: string; tone: Tone; detail?: string }) {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span className={`whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>
        {label}
      </span>
      {detail && <span className="whitespace-nowrap text-xs text-neutral-400">{detail}</span>}
    </span>
  );
}
