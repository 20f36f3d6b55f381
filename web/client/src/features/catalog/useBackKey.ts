import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

// A remote's Back (Escape or Backspace) returns to the page before, as on TV apps, unless
// the key is meant for something else: typing, an open dialog or menu, a region that
// handles its own keys. With no page before in this tab, Back goes Home.
export function useBackKey() {
  const navigate = useNavigate();
  // The first page of this visit has the key "default": there is no page before it.
  const first = useLocation().key === 'default';
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'Escape' && e.key !== 'Backspace') || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) {
        return;
      }
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (
        target?.closest('input, textarea, select, [contenteditable], dialog[open], [role="menu"], [data-own-arrows]')
      ) {
        return;
      }
      if (document.querySelector('dialog[open], [role="menu"]')) return;
      e.preventDefault();
      if (first) navigate('/');
      else navigate(-1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, first]);
}
