import type { InsightAnswer } from '@kinora/shared';
import { EmptyState } from '@kinora/shared/ui';

import { Chart } from '../../ui/Chart';
import { DataTable, type Column } from '../../ui/DataTable';
import { chipClass } from './ExampleQuestions';
import { chartOf, formatCell, isNumeric, matcherNote, periodOf, understood } from './format';

type Row = { row: InsightAnswer['rows'][number]; i: number };

// A matched answer: the sentence first, what was understood, then the chart and the table
// (the chart's text alternative) formatted by column kind.
export function InsightResult({ answer: a, onAsk }: { answer: InsightAnswer; onAsk: (q: string) => void }) {
  const chart = chartOf(a);
  const columns: Column<Row>[] = a.columns.map((c) => ({
    key: c.key,
    header: c.label,
    className: isNumeric(c.kind) ? 'text-right tabular-nums' : '',
    render: ({ row }) => formatCell(row[c.key], c.kind),
  }));
  return (
    <div className="flex flex-col gap-5">
      <p className="text-xl font-semibold text-white sm:text-2xl">{a.answer}</p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-neutral-300">Answered as:</span>
        <ul aria-label="Answered as" className="flex flex-wrap gap-1">
          {understood(a).map((part) => (
            <li key={part} className="rounded-full bg-neutral-800 px-3 py-0.5 text-neutral-100">
              {part}
            </li>
          ))}
        </ul>
        <span className="text-xs text-neutral-400">
          {matcherNote(a)} · {a.elapsed_ms} ms
        </span>
      </div>
      {!a.rows.length ? (
        <EmptyState title={`Nothing to show for ${periodOf(a)}`}>
          No data matched in that period. Try a longer one, such as “the last 30 days”.
        </EmptyState>
      ) : (
        <>
          {chart && (
            <Chart
              kind={chart.kind}
              points={chart.points}
              x={chart.x.label}
              y={chart.y.label}
              format={(n) => formatCell(n, chart.y.kind)}
              integer={chart.y.kind === 'integer'}
            />
          )}
          <DataTable
            caption={a.template?.title ?? 'Answer'}
            columns={columns}
            rows={a.rows.map((row, i) => ({ row, i }))}
            rowKey={(r) => r.i}
          />
        </>
      )}
      {a.suggestions.length > 0 && (
        <div>
          <h2 className="mb-2 text-sm font-medium text-neutral-300">Related questions</h2>
          <Suggestions answer={a} label="Related questions" onAsk={onAsk} />
        </div>
      )}
    </div>
  );
}

function Suggestions({
  answer: a,
  label,
  onAsk,
}: {
  answer: InsightAnswer;
  label: string;
  onAsk: (q: string) => void;
}) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {a.suggestions.map((s) => (
        <li key={s.id}>
          <button type="button" className={chipClass} onClick={() => onAsk(s.question)}>
            {s.question}
            <span className="ml-2 text-xs text-neutral-400">{s.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

// Nothing close enough was found: the nearest questions, each a button that asks it.
export function NotSure({ answer: a, onAsk }: { answer: InsightAnswer; onAsk: (q: string) => void }) {
  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold text-white">I’m not sure what you’re asking</h2>
      <p className="text-neutral-300">{a.answer || 'Nothing was run. Did you mean one of these?'}</p>
      {a.suggestions.length > 0 && <Suggestions answer={a} label="Closest questions" onAsk={onAsk} />}
    </div>
  );
}
