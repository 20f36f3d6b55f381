// The page's states: examples that ask, an answer with its chart and table, "not sure" with
// suggestions that ask, a 422 at the question field, an empty period, a failure with a retry.
import { createQueryClient, type InsightQuestion } from '@kinora/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { answer } from './fixtures';

const { get } = vi.hoisted(() => ({ get: vi.fn() }));
vi.mock('@kinora/shared', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@kinora/shared')>();
  return { ...actual, api: { ...actual.api, GET: get } };
});

import InsightsPage from './InsightsPage';

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
const problem = (status: number, kind: string, errors?: { field: string; message: string }[]) =>
  Promise.resolve({
    error: { type: `urn:kinora:problem:${kind}`, title: kind, status, detail: 'Refused.', instance: '/', errors },
    response: new Response(null, { status }),
  });

const template = (i: number): InsightQuestion => ({
  id: `t${i}`,
  title: `Template ${i}`,
  question: `example question ${i}`,
  examples: [`example question ${i}`],
  parameters: [],
});
const templates = Array.from({ length: 9 }, (_, i) => template(i + 1));

let answers: (q: string) => Promise<unknown>;
beforeEach(() => {
  get.mockReset();
  answers = () => ok(answer());
  get.mockImplementation((path: string, opts?: { params?: { query?: { q?: string } } }) =>
    path === '/api/v1/admin/insights/questions' ? ok({ items: templates }) : answers(opts?.params?.query?.q ?? ''),
  );
});

function Where() {
  const { search } = useLocation();
  return <output data-testid="search">{new URLSearchParams(search).get('q')}</output>;
}

function renderPage(url = '/insights') {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <InsightsPage />
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const asked = () =>
  get.mock.calls.filter(([p]) => p === '/api/v1/admin/insights/answer').map(([, o]) => o.params.query.q);

describe('Ask the data', () => {
  it('offers a handful of examples, more on request, and a chip asks its question into the URL', async () => {
    renderPage();
    await screen.findByRole('button', { name: 'example question 1' });
    expect(screen.queryByRole('button', { name: 'example question 7' })).toBeNull();
    const more = screen.getByRole('button', { name: 'More examples (3)' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(screen.getByRole('button', { name: 'example question 9' })).toBeInTheDocument();
    expect(asked()).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'example question 2' }));
    expect(screen.getByTestId('search')).toHaveTextContent('example question 2');
    expect(await screen.findByText(/played most this week/)).toBeInTheDocument();
    expect(asked()).toEqual(['example question 2']);
    expect(screen.getByLabelText('Your question')).toHaveValue('example question 2');
  });

  it('asks what is typed on Enter and shows the answer, what was understood, the chart and the table', async () => {
    renderPage();
    await userEvent.type(screen.getByLabelText('Your question'), 'most played titles this week{Enter}');
    expect(screen.getByTestId('search')).toHaveTextContent('most played titles this week');
    expect(
      await screen.findByText('The Long Quiet Between Stars was played most this week, 12 times.'),
    ).toBeInTheDocument();
    const chips = screen.getByRole('list', { name: 'Answered as' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Most played titles', 'this week']);
    expect(screen.getByText(/91% similar · matched by the encoder/)).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Bar chart of Plays by title, 2 bars: highest The Long Quiet/ }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Most played titles' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['TitlePlays', 'The Long Quiet Between Stars12', 'Fire & Flour3']);
  });

  it('reads the question from the URL on load, and says so when nothing was close enough', async () => {
    answers = (q) =>
      q === 'purple elephants dancing'
        ? ok(
            answer({
              question: q,
              matched: false,
              similarity: 0.12,
              template: null,
              answer: 'That is not close enough to a question I can answer.',
              columns: [],
              rows: [],
              chart: null,
              suggestions: [
                {
                  id: 'top-titles-by-plays',
                  title: 'Most played titles',
                  question: 'most played titles this week',
                  similarity: 0.3,
                },
              ],
            }),
          )
        : ok(answer());
    renderPage('/insights?q=purple%20elephants%20dancing');
    expect(await screen.findByRole('heading', { name: 'I’m not sure what you’re asking' })).toBeInTheDocument();
    expect(screen.getByLabelText('Your question')).toHaveValue('purple elephants dancing');
    await userEvent.click(screen.getByRole('button', { name: /^most played titles this week/ }));
    expect(await screen.findByText(/played most this week/)).toBeInTheDocument();
    expect(asked()).toEqual(['purple elephants dancing', 'most played titles this week']);
  });

  it('offers related questions under an answer, each asking its question', async () => {
    const related = { id: 'plays-per-day', title: 'Plays per day', question: 'plays per day', similarity: 0.7 };
    answers = (q) =>
      ok(q === 'plays per day' ? answer({ answer: 'Daily plays.' }) : answer({ suggestions: [related] }));
    renderPage('/insights?q=top%20titles');
    const list = await screen.findByRole('list', { name: 'Related questions' });
    await userEvent.click(within(list).getByRole('button', { name: /^plays per day/ }));
    expect(await screen.findByText('Daily plays.')).toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent('plays per day');
  });

  it('shows a 422 at the question field', async () => {
    answers = () =>
      problem(422, 'question-needs-detail', [{ field: 'question', message: 'name the channel, e.g. channel 101' }]);
    renderPage('/insights?q=daily%20viewers%20of%20a%20channel');
    const box = screen.getByLabelText('Your question');
    expect(await screen.findByText('Name the channel, e.g. channel 101.')).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the period when there is nothing to show', async () => {
    answers = () => ok(answer({ rows: [], answer: 'Nothing was played this week.' }));
    renderPage('/insights?q=most%20played%20titles%20this%20week');
    expect(await screen.findByRole('heading', { name: 'Nothing to show for this week' })).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a failure with a retry that asks again', async () => {
    let fail = true;
    answers = () => (fail ? problem(503, 'unavailable') : ok(answer()));
    renderPage('/insights?q=most%20played%20titles');
    const retry = await screen.findByRole('button', { name: 'Try again' }, { timeout: 3000 });
    expect(screen.getByRole('alert')).toHaveTextContent('Kinora is busy');
    fail = false;
    await userEvent.click(retry);
    expect(await screen.findByText(/played most this week/)).toBeInTheDocument();
  });

  it('does not ask an empty question', async () => {
    renderPage();
    await userEvent.type(screen.getByLabelText('Your question'), '   {Enter}');
    expect(screen.getByText('Type a question first.')).toBeInTheDocument();
    expect(asked()).toEqual([]);
  });
});
