// One figure and what it is made of ("70 titles: movie 52 · series 18").
export function Breakdown({ label, total, parts }: { label: string; total: number; parts: Record<string, number> }) {
  return (
    <div className="rounded-lg bg-neutral-900 p-4 ring-1 ring-neutral-800">
      <p className="text-sm text-neutral-400">{label}</p>
      <p className="text-3xl font-bold text-white">{total.toLocaleString()}</p>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-neutral-300">
        {Object.entries(parts).map(([key, n]) => (
          <li key={key}>
            {key} <span className="font-semibold text-white">{n.toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Figure({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <div
      className={`rounded-lg p-4 ring-1 ${warn && value > 0 ? 'bg-amber-950/40 ring-amber-700' : 'bg-neutral-900 ring-neutral-800'}`}
    >
      <p className="text-sm text-neutral-400">{label}</p>
      <p className="text-3xl font-bold text-white">{value.toLocaleString()}</p>
    </div>
  );
}
