import { isApiError } from '@kinora/shared';
import { ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';

import { PageHeader } from '../../ui/PageHeader';
import { mergeParams, readText } from '../../ui/urlState';
import { ExampleQuestions } from './ExampleQuestions';
import { MAX_QUESTION } from './format';
import { InsightResult, NotSure } from './InsightResult';
import { answerQuery } from './queries';
import { QuestionForm } from './QuestionForm';

// Ask the data (/insights?q=): a question in plain words, matched by the server to a vetted
// query; the question lives in the URL so an answer can be shared and survives a reload.
export default function InsightsPage() {
  const [params, setParams] = useSearchParams();
  const q = readText(params, 'q', MAX_QUESTION);
  const result = useQuery(answerQuery(q));
  const ask = (text: string) => {
    if (text === q) void result.refetch();
    else setParams(mergeParams(params, { q: text }));
  };
  // 422: the question needs a detail it does not name (or names one that does not exist).
  const refused = isApiError(result.error) && result.error.status === 422 ? result.error : null;

  let body = null;
  if (!q) body = null;
  else if (result.isPending)
    body = (
      <div role="status" aria-label="Working out the answer…" className="flex flex-col gap-3">
        <Skeleton className="h-8 w-3/4" />
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-56 w-full max-w-3xl" />
      </div>
    );
  else if (result.isError)
    body = refused ? null : <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  else if (!result.data.matched) body = <NotSure answer={result.data} onAsk={ask} />;
  else body = <InsightResult answer={result.data} onAsk={ask} />;

  return (
    <>
      <PageHeader title="Ask the data" />
      <div className="flex max-w-5xl flex-col gap-6">
        <QuestionForm
          question={q}
          busy={result.isFetching}
          error={refused ? (refused.fieldErrors.question ?? refused.message) : undefined}
          onAsk={ask}
        />
        <ExampleQuestions onAsk={ask} />
        <section aria-label="Answer" aria-busy={result.isFetching || undefined}>
          {body}
        </section>
      </div>
    </>
  );
}
