import { createBrowserRouter, Navigate } from 'react-router-dom';

import { RequireAdultProfile, RequireProfile, RequireSession } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Each page is its own chunk, so the home page never loads Shaka or the guide.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: 'signin', lazy: page(() => import('../features/auth/SignInPage')) },
      { path: 'signup', lazy: page(() => import('../features/auth/SignUpPage')) },
      {
        element: <RequireSession />,
        children: [
          { path: 'profiles', lazy: page(() => import('../features/profiles/WhoIsWatchingPage')) },
          {
            element: <RequireProfile />,
            children: [
              { path: 'watch/title/:titleId', lazy: page(() => import('../features/player/PlayerPage')) },
              { path: 'watch/channel/:channelId', lazy: page(() => import('../features/player/PlayerPage')) },
              {
                element: <Layout />,
                children: [
                  { index: true, lazy: page(() => import('../features/home/HomePage')) },
                  { path: 'browse', lazy: page(() => import('../features/browse/BrowsePage')) },
                  { path: 'movies', element: <Navigate to="/browse?type=movie" replace /> },
                  { path: 'series', element: <Navigate to="/browse?type=series" replace /> },
                  { path: 'search', lazy: page(() => import('../features/search/SearchPage')) },
                  { path: 'title/:titleId', lazy: page(() => import('../features/title/TitlePage')) },
                  { path: 'guide', lazy: page(() => import('../features/guide/GuidePage')) },
                  { path: 'guide/catch-up', lazy: page(() => import('../features/guide/CatchupPage')) },
                  { path: 'my-list', lazy: page(() => import('../features/library/MyListPage')) },
                  { path: 'continue', lazy: page(() => import('../features/library/ContinueWatchingPage')) },
                  {
                    element: <RequireAdultProfile />,
                    children: [
                      { path: 'profiles/manage', lazy: page(() => import('../features/profiles/ManageProfilesPage')) },
                      { path: 'account', lazy: page(() => import('../features/account/AccountPage')) },
                    ],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
