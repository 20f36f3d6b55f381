import { useEffect, useRef } from 'react';

// After a refused save, focus moves to the first field the server named (or to the form's
// message), so keyboard and screen-reader users land on what to fix, even in a long form.
export function useFocusFirstError<T extends HTMLElement = HTMLFormElement>(error: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!error || !ref.current) return;
    const target = ref.current.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (!target) return;
    if (target.getAttribute('role') === 'alert') target.tabIndex = -1;
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  }, [error]);
  return ref;
}
