import type { ContinueItem, TitleSummary } from '@kinora/shared';
import { Link } from 'react-router-dom';

import { formatClock } from '../../lib/format';
import { Backdrop } from '../catalog/Backdrop';
import { episodeCode, resumePath } from '../catalog/continueProgress';
import { titlePath, watchPath } from '../catalog/links';
import { maturityLabel } from '../catalog/maturity';

const action = 'focus-ring inline-flex items-center gap-2 rounded-md px-5 py-2.5 font-semibold';

// The featured title across the top of Home: backdrop, overview, Play (or Resume where
// the profile left it) and More info.
export function Hero({ title, resume, kids }: { title: TitleSummary; resume?: ContinueItem; kids: boolean }) {
  const resumeLabel = resume
    ? resume.episode
      ? `${resume.up_next ? 'Play' : 'Resume'} ${episodeCode(resume.episode)}`
      : `Resume at ${formatClock(resume.position_seconds)}`
    : 'Play';
  return (
    <section aria-labelledby="hero-title" className="relative min-w-0 md:min-h-[min(38vw,42rem)]">
      <Backdrop src={title.backdrop_url} />
      <div className="relative -mt-10 flex max-w-2xl flex-col gap-3 px-4 md:mt-0 md:w-1/2 md:px-8 md:pt-[8vw] 2xl:pt-40">
        <h2
          id="hero-title"
          className={`text-3xl font-black leading-tight md:text-5xl ${kids ? 'text-yellow-300' : 'text-white'}`}
        >
          {title.title}
        </h2>
        <p className="text-sm text-neutral-300">
          {title.year} · {title.type === 'series' ? 'Series' : 'Movie'} · {maturityLabel(title.maturity_rating)}
        </p>
        <p className="line-clamp-3 text-neutral-200 md:text-lg">{title.synopsis}</p>
        <div className="mt-2 flex flex-wrap gap-3">
          <Link
            to={resume ? resumePath(resume) : watchPath(title.id)}
            className={`${action} ${kids ? 'bg-yellow-300 text-indigo-950 hover:bg-yellow-200' : 'bg-white text-neutral-950 hover:bg-neutral-200'}`}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="currentColor">
              <path d="M7 4.5v15l12-7.5z" />
            </svg>
            {resumeLabel}
          </Link>
          <Link
            to={titlePath(title.id)}
            aria-label={`More info: ${title.title}`}
            className={`${action} bg-neutral-700/80 text-white hover:bg-neutral-600`}
          >
            More info
          </Link>
        </div>
      </div>
    </section>
  );
}
