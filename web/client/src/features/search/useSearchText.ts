import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

import { useDebouncedValue } from '../catalog/useDebouncedValue';

export const SEARCH_DEBOUNCE_MS = 250;

// The search box's text and the URL's ?q= kept in step: typing settles into the URL
// after a pause (replacing the entry, so Back does not step through keystrokes), and
// Back/Forward to another ?q= puts that text in the box.
export function useSearchText() {
  const [params, setParams] = useSearchParams();
  const urlQuery = params.get('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const written = useRef(urlQuery); // the last ?q= this hook wrote or took from the URL
  const lastSettled = useRef(settled);

  // Only a newly settled text writes the URL (setParams changes with every URL change,
  // which must not write an older text back).
  useEffect(() => {
    if (settled === lastSettled.current) return;
    lastSettled.current = settled;
    if (settled === written.current) return;
    written.current = settled;
    setParams(settled ? { q: settled } : {}, { replace: true });
  }, [settled, setParams]);

  useEffect(() => {
    if (urlQuery === written.current) return;
    written.current = urlQuery; // navigated here: the URL wins
    setText(urlQuery);
  }, [urlQuery]);

  // Enter searches at once rather than after the pause.
  const commit = () => {
    written.current = text;
    setParams(text ? { q: text } : {}, { replace: true });
  };

  return { text, setText, query: urlQuery.trim(), commit };
}
