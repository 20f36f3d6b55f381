import { isApiError } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useId, useState, type ReactNode } from 'react';

import { FormError } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { Section } from '../../ui/PageHeader';

// One import: pick a file, send it, then the report (or the reason it was refused, with the
// line of the file the server names).
export function ImportCard<R>({
  title,
  description,
  fileLabel,
  accept,
  buttonLabel,
  run,
  busy,
  error,
  report,
  renderReport,
}: {
  title: string;
  description: ReactNode;
  fileLabel: string;
  accept: string;
  buttonLabel: string;
  run: (file: File) => void;
  busy: boolean;
  error: unknown;
  report: R | undefined;
  renderReport: (report: R) => ReactNode;
}) {
  const [file, setFile] = useState<File | null>(null);
  const id = useId();
  const line = isApiError(error) ? error.problem.line : undefined;
  const message = error ? formErrors(error, { fields: [] }).form : null;
  return (
    <Section title={title}>
      <form
        aria-label={title}
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run(file);
        }}
      >
        <div className="text-sm text-neutral-300">{description}</div>
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-neutral-200">
            {fileLabel}
          </label>
          <input
            id={id}
            type="file"
            accept={accept}
            disabled={busy}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="focus-ring max-w-md rounded-md border border-neutral-600 bg-neutral-900 px-3 py-2 text-sm text-neutral-200 file:mr-3 file:rounded file:border-0 file:bg-neutral-700 file:px-3 file:py-1 file:text-white"
          />
        </div>
        <div>
          <Button type="submit" disabled={!file} busy={busy}>
            {buttonLabel}
          </Button>
        </div>
        {message && (
          <FormError
            message={`Nothing was imported. ${message}${line !== undefined && !message.includes(`line ${line}`) ? ` (line ${line})` : ''}`}
          />
        )}
      </form>
      {report && !error && !busy && (
        <div role="status" className="mt-4">
          {renderReport(report)}
        </div>
      )}
    </Section>
  );
}

// A report as a definition list of counts.
export function Counts({ heading, rows }: { heading: string; rows: [string, number][] }) {
  return (
    <div>
      <h3 className="mb-2 font-semibold text-emerald-300">{heading}</h3>
      <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
        {rows.map(([label, n]) => (
          <div key={label} className="contents">
            <dt className="text-neutral-300">{label}</dt>
            <dd className="text-right font-medium tabular-nums text-white">{n}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
