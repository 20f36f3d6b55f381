import type { AdminStats } from '@kinora/shared';

import { Chart } from '../../ui/Chart';

type Day = AdminStats['plays_per_day'][number];

const weekday = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' });

// Plays per day on the admin's one chart; the dated numbers sit in a visually hidden table
// for screen readers (the chart itself is one image, named by its summary).
export function PlaysChart({ days }: { days: Day[] }) {
  return (
    <figure>
      <Chart
        kind="bar"
        points={days.map((d) => ({ label: weekday(d.date), value: d.plays }))}
        x="Day"
        y="plays"
        integer
      />
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
