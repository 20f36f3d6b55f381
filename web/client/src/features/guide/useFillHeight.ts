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
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - 4)));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref, min]);
  return height;
}
