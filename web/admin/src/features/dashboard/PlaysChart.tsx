import type { AdminStats } from '@kinora/shared';

type Day = AdminStats['plays_per_day'][number];

const weekday = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' });

// Plays per day as bars; the same numbers sit in a visually hidden table for screen readers.
export function PlaysChart({ days }: { days: Day[] }) {
  const max = Math.max(1, ...days.map((d) => d.plays));
  return (
    <figure>
      <div aria-hidden="true" className="flex h-40 items-end gap-2">
        {days.map((d) => (
          <div key={d.date} className="flex h-full flex-1 flex-col items-center justify-end gap-1">
            <span className="text-xs text-neutral-300">{d.plays}</span>
            <div
              className="w-full rounded-t bg-brand-500"
              style={{ height: `${(d.plays / max) * 100}%`, minHeight: 2 }}
            />
            <span className="text-xs text-neutral-400">{weekday(d.date)}</span>
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>Plays per day, last 7 days</caption>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{d.date}</th>
              <td>{d.plays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
