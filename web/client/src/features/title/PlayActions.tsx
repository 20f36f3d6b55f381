import type { Tier, TitleDetail } from '@kinora/shared';
import { Link } from 'react-router-dom';

import { formatClock } from '../../lib/format';
import { episodeCode } from '../catalog/continueProgress';
import { watchPath } from '../catalog/links';
import { planIncludes, planName } from '../catalog/plan';
import { MediaNotice } from './MediaNotice';
import { firstEpisode, type ResumePoint } from './resume';

const primary =
  'focus-ring inline-flex items-center gap-2 rounded-md bg-white px-5 py-2.5 font-semibold text-neutral-950 hover:bg-neutral-200';
const secondary =
  'focus-ring inline-flex items-center gap-2 rounded-md bg-neutral-700/80 px-5 py-2.5 font-semibold text-white hover:bg-neutral-600';

function PlayIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="currentColor">
      <path d="M7 4.5v15l12-7.5z" />
    </svg>
  );
}

// Play, Resume at mm:ss and Start over; or, when the account's plan does not include
// the title, which plan does, and when it has nothing to play yet, that it is being
// prepared or not available (rather than a Play that would fail).
export function PlayActions({
  title,
  accountTier,
  resume,
  canManagePlan,
}: {
  title: TitleDetail;
  accountTier: Tier;
  resume: ResumePoint | null;
  canManagePlan: boolean;
}) {
  if (!planIncludes(accountTier, title.tier)) {
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-400/10 px-4 py-3 ring-1 ring-amber-400/40">
        <p className="text-amber-100">
          Watching this needs the <strong>{planName(title.tier)}</strong> plan; yours is {planName(accountTier)}.
        </p>
        {canManagePlan && (
          <Link to="/account" className={secondary}>
            Change plan
          </Link>
        )}
      </div>
    );
  }

  if (title.media && title.media !== 'ready') return <MediaNotice media={title.media} />;

  if (resume) {
    const code = resume.episode ? `${episodeCode(resume.episode)} ` : '';
    const opts = { episodeId: resume.episodeId };
    if (resume.upNext || resume.positionSeconds === 0) {
      return (
        <div className="flex flex-wrap gap-3">
          <Link to={watchPath(title.id, opts)} className={primary}>
            <PlayIcon /> {`Play ${code}`.trim()}
          </Link>
        </div>
      );
    }
    return (
      <div className="flex flex-wrap gap-3">
        <Link to={watchPath(title.id, opts)} className={primary}>
          <PlayIcon /> Resume {code}at {formatClock(resume.positionSeconds)}
        </Link>
        <Link to={watchPath(title.id, { ...opts, startOver: true })} className={secondary}>
          Start over
        </Link>
      </div>
    );
  }

  if (title.type === 'series') {
    const first = firstEpisode(title);
    if (!first) return <p className="text-neutral-300">No episodes are available yet.</p>;
    return (
      <div className="flex flex-wrap gap-3">
        <Link to={watchPath(title.id, { episodeId: first.episode.id })} className={primary}>
          <PlayIcon /> Play S{first.season.number}:E{first.episode.number}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap gap-3">
      <Link to={watchPath(title.id)} className={primary}>
        <PlayIcon /> Play
      </Link>
    </div>
  );
}
