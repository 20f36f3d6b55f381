import { session } from '@kinora/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';

import { profileChoice } from './profileChoice';

// Signs out here and on the server; nothing of the account stays in memory, so the
// back button after signing out shows nothing private.
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    profileChoice.forget();
    await session.signOut();
    queryClient.clear();
    navigate('/signin', { replace: true });
  };
}
