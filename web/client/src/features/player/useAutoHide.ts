import { useCallback, useEffect, useRef, useState } from 'react';

export const HIDE_AFTER_MS = 3000;

// Controls show on any pointer move or key and hide after 3 s of neither, unless `hold`
// (paused, a menu open, keyboard focus on a control) keeps them up.
export function useAutoHide(hold: boolean) {
  const [active, setActive] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const poke = useCallback(() => {
    setActive(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setActive(false), HIDE_AFTER_MS);
  }, []);

  useEffect(() => {
    poke();
    return () => clearTimeout(timer.current);
  }, [poke]);

  // Coming back from a hold starts a fresh 3 s rather than hiding at once.
  useEffect(() => {
    if (!hold) poke();
  }, [hold, poke]);

  return { visible: active || hold, poke };
}
