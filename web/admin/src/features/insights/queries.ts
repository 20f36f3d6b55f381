import { api, unwrap } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

export const insightKeys = {
  all: ['admin', 'insights'] as const,
  questions: () => [...insightKeys.all, 'questions'] as const,
  answer: (q: string) => [...insightKeys.all, 'answer', q] as const,
};

// The vetted question templates and their example phrasings; they change only with a release.
export const questionsQuery = () =>
  queryOptions({
    queryKey: insightKeys.questions(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/insights/questions', { signal })),
    staleTime: 60 * 60_000,
  });

// An answer is read fresh each time it is asked: the data move, the question does not.
export const answerQuery = (q: string) =>
  queryOptions({
    queryKey: insightKeys.answer(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/insights/answer', { params: { query: { q } }, signal })),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
