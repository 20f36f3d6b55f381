import { useEffect, useRef } from 'react';

// Infinite scroll: asks for the next page while the sentinel below the grid is within a
// screen of the viewport. Re-observing after each page (enabled flips) fetches again if
// the sentinel is still in view, so a tall screen fills up.
export function useLoadMoreOnScroll(enabled: boolean, loadMore: () => unknown) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(loadMore);
  latest.current = loadMore;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !enabled || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) latest.current();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [enabled]);
  return sentinel;
}
