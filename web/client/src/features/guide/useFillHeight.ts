import { useLayoutEffect, useState, type RefObject } from 'react';

// The height that takes an element from where it starts to the bottom of the window, so
// the guide scrolls inside itself and the page does not.
export function useFillHeight(ref: RefObject<HTMLElement>, min = 320): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const update = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      // The phone's bottom section bar covers the window's foot (0 when it is hidden).
      const bar = document.querySelector('[data-bottom-bar]')?.getBoundingClientRect().height ?? 0;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - bar - 4)));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref, min]);
  return height;
}
