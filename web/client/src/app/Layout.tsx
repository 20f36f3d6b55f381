import { Suspense } from 'react';
import { NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { Spinner } from '@kinora/shared/ui';

import { ProfileMenu } from './ProfileMenu';
import { useSignedIn } from './useSignedIn';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/movies', label: 'Movies' },
  { to: '/series', label: 'Series' },
  { to: '/guide', label: 'Live TV' },
  { to: '/my-list', label: 'My List' },
];

function NavItems({ compact = false }: { compact?: boolean }) {
  return NAV.map((item) => (
    <NavLink
      key={item.to}
      to={item.to}
      end={item.end}
      className={({ isActive }) =>
        `focus-ring whitespace-nowrap rounded ${compact ? 'px-2 py-3 text-xs' : 'px-2 py-1 text-base'} ${isActive ? 'font-semibold text-white' : 'text-neutral-300 hover:text-white'}`
      }
    >
      {item.label}
    </NavLink>
  ));
}

export function Layout() {
  const { profile } = useSignedIn();
  return (
    <div className={profile.kids ? 'kids min-h-screen bg-indigo-950' : 'min-h-screen'}>
      <a
        href="#main"
        className="focus-ring sr-only z-50 rounded bg-white px-3 py-2 text-neutral-950 focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <header
        className={`sticky top-0 z-40 flex items-center gap-2 px-4 py-3 backdrop-blur md:gap-6 md:px-8 ${profile.kids ? 'bg-indigo-900/90' : 'bg-neutral-950/85'}`}
      >
        <NavLink to="/" className="focus-ring rounded text-xl font-black tracking-tight text-brand-500">
          Kinora{profile.kids && <span className="ml-1 text-sm font-bold text-yellow-300">Kids</span>}
        </NavLink>
        <nav aria-label="Main" className="hidden flex-1 gap-1 md:flex">
          <NavItems />
        </nav>
        <span className="flex-1 md:hidden" />
        <NavLink to="/search" aria-label="Search" className="focus-ring rounded p-2 text-neutral-200 hover:text-white">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="h-5 w-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
        </NavLink>
        <ProfileMenu />
      </header>
      <main id="main" tabIndex={-1} className="pb-20 outline-none md:pb-16">
        <Suspense fallback={<Spinner size="lg" label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
      {/* On a phone the sections sit at the bottom, in thumb's reach, instead of a scrolling strip. */}
      <nav
        aria-label="Sections"
        data-bottom-bar
        className={`fixed inset-x-0 bottom-0 z-40 flex justify-around border-t border-white/10 px-1 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden ${profile.kids ? 'bg-indigo-900/95' : 'bg-neutral-950/95'}`}
      >
        <NavItems compact />
      </nav>
      <ScrollRestoration />
    </div>
  );
}
