import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { useBackKey } from './useBackKey';

function Page() {
  useBackKey();
  return (
    <div>
      <h1>Title page</h1>
      <input aria-label="Notes" />
    </div>
  );
}

function setup(entries: string[]) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <h1>Home</h1> },
      { path: '/browse', element: <h1>Browse</h1> },
      { path: '/title/:id', element: <Page /> },
    ],
    { initialEntries: entries, initialIndex: entries.length - 1 },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('useBackKey', () => {
  it('goes back a page on Escape or Backspace', async () => {
    const router = setup(['/browse']);
    await router.navigate('/title/1');
    await screen.findByRole('heading', { name: 'Title page' });
    fireEvent.keyDown(document.body, { key: 'Backspace' });
    await screen.findByRole('heading', { name: 'Browse' });
  });

  it('goes Home when the page was opened directly', async () => {
    setup(['/title/1']);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await screen.findByRole('heading', { name: 'Home' });
  });

  it('leaves Backspace to a text field', async () => {
    const router = setup(['/browse']);
    await router.navigate('/title/1');
    fireEvent.keyDown(await screen.findByLabelText('Notes'), { key: 'Backspace' });
    expect(router.state.location.pathname).toBe('/title/1');
  });
});
