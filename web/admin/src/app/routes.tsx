import { createBrowserRouter } from 'react-router-dom';

import { RequireAdmin } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// Each page is its own chunk; Shaka loads only with the media preview.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter(
  [
    { path: 'signin', lazy: page(() => import('../features/auth/SignInPage')) },
    {
      element: <RequireAdmin />,
      children: [
        {
          element: <Layout />,
          children: [
            { index: true, lazy: page(() => import('../features/dashboard/DashboardPage')) },
            { path: 'titles', lazy: page(() => import('../features/titles/TitlesPage')) },
            { path: 'titles/new', lazy: page(() => import('../features/titles/TitleEditPage')) },
            { path: 'titles/:id', lazy: page(() => import('../features/titles/TitleEditPage')) },
            { path: 'embeddings', lazy: page(() => import('../features/embeddings/EmbeddingsPage')) },
            { path: 'channels', lazy: page(() => import('../features/channels/ChannelsPage')) },
            { path: 'channels/new', lazy: page(() => import('../features/channels/ChannelEditPage')) },
            { path: 'channels/:id', lazy: page(() => import('../features/channels/ChannelEditPage')) },
            { path: 'schedule', lazy: page(() => import('../features/schedule/SchedulePage')) },
            { path: 'guide-import', lazy: page(() => import('../features/guideImport/GuideImportPage')) },
            { path: 'accounts', lazy: page(() => import('../features/accounts/AccountsPage')) },
            { path: 'accounts/:id', lazy: page(() => import('../features/accounts/AccountPage')) },
            { path: 'audit', lazy: page(() => import('../features/audit/AuditPage')) },
            { path: 'insights', lazy: page(() => import('../features/insights/InsightsPage')) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
