import { useEffect, useState } from 'react';

import { formatClock } from '../../lib/format';

// "Resuming at 12:34", for a few seconds once the video plays.
export function ResumeToast({ at, show }: { at: number; show: boolean }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!show) return;
    const timer = setTimeout(() => setDone(true), 4000);
    return () => clearTimeout(timer);
  }, [show]);
  if (!show || done) return null;
  return (
    <p
      role="status"
      className="pointer-events-none absolute left-1/2 top-20 -translate-x-1/2 rounded-full bg-black/75 px-4 py-2 text-sm font-medium shadow-lg sm:top-24"
    >
      Resuming at {formatClock(at)}
    </p>
  );
}
