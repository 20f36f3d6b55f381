import type { AdminAccount } from '@kinora/shared';

// "—" for a time that never happened, the local date and time otherwise.
export const when = (t: string | null | undefined) => (t ? new Date(t).toLocaleString() : '—');

// The account's state in a word, for the table and the details.
export function accountStatus(a: Pick<AdminAccount, 'disabled' | 'is_admin'>): string {
  if (a.disabled) return 'Disabled';
  return a.is_admin ? 'Admin' : 'Active';
}

// "12:05 of 1:32:10" for a title, "live" for a channel.
export function streamPosition(s: { position_seconds: number; duration_seconds: number; channel_id: number | null }) {
  const clock = (total: number) => {
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const sec = String(total % 60).padStart(2, '0');
    return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
  };
  if (s.channel_id !== null || s.duration_seconds === 0) return 'live';
  return `${clock(s.position_seconds)} of ${clock(s.duration_seconds)}`;
}
