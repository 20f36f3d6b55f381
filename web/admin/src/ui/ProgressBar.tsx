// A labelled progress bar that screen readers announce as one (0–100).
export function ProgressBar({
  label,
  value,
  tone = 'brand',
}: {
  label: string;
  value: number;
  tone?: 'brand' | 'success' | 'danger';
}) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  const colour = { brand: 'bg-brand-500', success: 'bg-emerald-500', danger: 'bg-red-600' }[tone];
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-sm text-neutral-200">
        <span>{label}</span>
        <span aria-hidden="true">{percent} %</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="h-3 overflow-hidden rounded-full bg-neutral-800"
      >
        <div
          className={`h-full ${colour} transition-[width] duration-300 motion-reduce:transition-none`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
