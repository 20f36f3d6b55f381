import type { AdminStats } from '@kinora/shared';

type Channel = AdminStats['channels'][number];

// Channels scheduled less than a week ahead, or with holes, come first: they need work.
export function ChannelHorizon({ channels }: { channels: Channel[] }) {
  const needsWork = (c: Channel) => c.gaps > 0 || c.days_ahead < 7;
  const sorted = [...channels].sort((a, b) => Number(needsWork(b)) - Number(needsWork(a)) || a.number - b.number);
  return (
    <div
      className="focus-ring max-h-96 overflow-auto rounded"
      tabIndex={0}
      role="region"
      aria-label="Channels by schedule horizon"
    >
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-neutral-900 text-neutral-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Channel
            </th>
            <th scope="col" className="py-2 pr-3">
              Days ahead
            </th>
            <th scope="col" className="py-2">
              Gaps
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.id} className="border-t border-neutral-800">
              <td className="py-2 pr-3 text-white">
                {c.number} {c.name}
              </td>
              <td className={`py-2 pr-3 ${c.days_ahead < 7 ? 'font-semibold text-amber-300' : 'text-neutral-200'}`}>
                {c.scheduled_until ? c.days_ahead.toFixed(1) : 'No schedule'}
              </td>
              <td className={`py-2 ${c.gaps ? 'font-semibold text-amber-300' : 'text-neutral-200'}`}>
                {c.gaps ? `${c.gaps} gap${c.gaps === 1 ? '' : 's'}` : 'None'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
