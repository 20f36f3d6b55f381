import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

// Back to where the viewer came from inside the app, or to `fallback` when the player
// was opened directly (a shared link, a reload): never out of the app.
export function useGoBack(fallback: string) {
  const navigate = useNavigate();
  return useCallback(() => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(fallback, { replace: true });
  }, [navigate, fallback]);
}
