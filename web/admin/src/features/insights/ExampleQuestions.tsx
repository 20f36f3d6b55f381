import { Button, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { exampleQuestions } from './format';
import { questionsQuery } from './queries';

const SHOWN = 6;

export const chipClass =
  'focus-ring rounded-full border border-neutral-600 bg-neutral-900 px-3 py-1 text-sm text-neutral-100 hover:border-neutral-300 hover:text-white';

// Questions it knows how to answer, as chips that ask them; a handful first.
export function ExampleQuestions({ onAsk }: { onAsk: (q: string) => void }) {
  const questions = useQuery(questionsQuery());
  const [all, setAll] = useState(false);
  if (questions.isPending)
    return (
      <div className="flex gap-2" role="status" aria-label="Loading example questions…">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-7 w-40 rounded-full" />
        ))}
      </div>
    );
  if (questions.isError)
    return (
      <p className="flex items-center gap-3 text-sm text-neutral-300">
        The example questions could not be loaded.
        <Button variant="ghost" className="px-2 py-1" onClick={() => void questions.refetch()}>
          Retry
        </Button>
      </p>
    );
  const examples = exampleQuestions(questions.data.items);
  const shown = all ? examples : examples.slice(0, SHOWN);
  return (
    <div>
      <h2 className="mb-2 text-sm font-medium text-neutral-300">Try asking</h2>
      <ul id="example-questions" className="flex flex-wrap gap-2">
        {shown.map((q) => (
          <li key={q}>
            <button type="button" className={chipClass} onClick={() => onAsk(q)}>
              {q}
            </button>
          </li>
        ))}
        {examples.length > SHOWN && (
          <li>
            <button
              type="button"
              aria-expanded={all}
              aria-controls="example-questions"
              className="focus-ring rounded-full px-3 py-1 text-sm text-neutral-300 underline hover:text-white"
              onClick={() => setAll((a) => !a)}
            >
              {all ? 'Fewer examples' : `More examples (${examples.length - SHOWN})`}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
