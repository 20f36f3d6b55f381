import { session } from '@kinora/shared';
import { Spinner } from '@kinora/shared/ui';
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';

import { useAdmin } from './useAdmin';

// One entry per admin area; pages add themselves here as they land. On a phone the sidebar
// becomes a bar above the page.
const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/insights', label: 'Ask the data', end: false },
  { to: '/titles', label: 'Titles', end: false },
  { to: '/embeddings', label: 'Embeddings', end: false },
  { to: '/channels', label: 'Channels', end: false },
  { to: '/schedule', label: 'Schedule', end: false },
  { to: '/guide-import', label: 'Guide import', end: false },
  { to: '/accounts', label: 'Accounts', end: false },
  { to: '/audit', label: 'Audit log', end: false },
];

export function Layout() {
  const { account } = useAdmin();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="focus-ring sr-only z-50 rounded bg-white px-3 py-2 text-neutral-950 focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <aside className="flex shrink-0 flex-col border-b border-neutral-800 bg-neutral-900 px-3 py-3 md:w-56 md:border-b-0 md:border-r md:py-4">
        <p className="px-2 text-lg font-black tracking-tight text-brand-500">
          Kinora <span className="text-sm font-semibold text-neutral-300">admin</span>
        </p>
        <nav aria-label="Admin" className="mt-3 flex flex-wrap gap-1 md:mt-6 md:flex-col">
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `focus-ring rounded px-2 py-1.5 text-sm ${isActive ? 'bg-neutral-800 font-semibold text-white' : 'text-neutral-300 hover:text-white'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="mt-3 flex items-center gap-3 px-2 text-xs text-neutral-300 md:mt-auto md:block">
          <p className="truncate" title={account.email}>
            {account.email}
          </p>
          <button type="button" className="focus-ring rounded underline md:mt-2" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6">
        <Suspense fallback={<Spinner size="lg" label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
