import { isApiError } from '@kinora/shared';
import { useEffect, useState } from 'react';

// Seconds left of a 429's Retry-After, counting down, so the form stays shut until then.
export function useCooldown(error: unknown): number {
  const seconds = isApiError(error, 'rate-limited') ? (error.retryAfterSeconds ?? 0) : 0;
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (!seconds) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil(seconds - (Date.now() - started) / 1000));
      setLeft(remaining);
      if (!remaining) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [error, seconds]);
  return left;
}
