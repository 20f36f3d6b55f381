import type { AdminStats } from '@kinora/shared';

type Job = AdminStats['recent_media_jobs'][number];

const TONE: Record<Job['status'], string> = {
  queued: 'text-neutral-300',
  running: 'text-sky-300',
  succeeded: 'text-emerald-300',
  failed: 'text-red-300',
};

export function RecentJobs({ jobs }: { jobs: Job[] }) {
  if (!jobs.length) return <p className="text-neutral-400">No uploads yet.</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {jobs.map((j) => (
        <li key={j.id} className="flex flex-col rounded bg-neutral-900 px-3 py-2">
          <span className="flex justify-between gap-3">
            <span className="truncate text-white">{j.title || `Title ${j.title_id}`}</span>
            <span className={TONE[j.status]}>
              {j.status}
              {j.status === 'running' ? ` ${j.progress} %` : ''}
            </span>
          </span>
          {j.error && <span className="text-red-300">{j.error}</span>}
          <span className="text-xs text-neutral-400">{new Date(j.updated_at).toLocaleString()}</span>
        </li>
      ))}
    </ul>
  );
}
