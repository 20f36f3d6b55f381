import { useId } from 'react';

import { YEAR_MAX, YEAR_MIN } from './filters';

const input =
  'focus-ring w-24 rounded-md border border-neutral-600 bg-neutral-900 px-3 py-2 text-sm text-white hover:border-neutral-400';

// From–to release years. A year is taken when the field is left or Enter is pressed, so
// the listing (and the URL) does not change on every keystroke.
export function YearRange({
  from,
  to,
  onChange,
}: {
  from?: number;
  to?: number;
  onChange: (range: { yearFrom?: number; yearTo?: number }) => void;
}) {
  const id = useId();
  const commit = (which: 'yearFrom' | 'yearTo', raw: string) => {
    const n = Number(raw);
    const value = raw && Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX ? n : undefined;
    if (value !== (which === 'yearFrom' ? from : to)) onChange({ yearFrom: from, yearTo: to, [which]: value });
  };
  const field = (which: 'yearFrom' | 'yearTo', label: string, value?: number) => (
    <input
      key={`${which}-${value ?? ''}`}
      id={`${id}-${which}`}
      aria-label={label}
      type="number"
      inputMode="numeric"
      min={YEAR_MIN}
      max={YEAR_MAX}
      placeholder={which === 'yearFrom' ? 'From' : 'To'}
      defaultValue={value ?? ''}
      className={input}
      onBlur={(e) => commit(which, e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit(which, e.currentTarget.value)}
    />
  );
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-xs font-medium text-neutral-300">Released</legend>
      <div className="flex items-center gap-2">
        {field('yearFrom', 'Released from year', from)}
        <span aria-hidden="true" className="text-neutral-400">
          –
        </span>
        {field('yearTo', 'Released up to year', to)}
      </div>
    </fieldset>
  );
}
