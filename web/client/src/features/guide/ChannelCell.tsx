import type { Channel } from '@kinora/shared';

import type { GuideMetrics } from './useGuideMetrics';

export function StarIcon({ filled, className = 'h-5 w-5' }: { filled: boolean; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill={filled ? 'currentColor' : 'none'}>
      <path
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"
      />
    </svg>
  );
}

// The sticky first cell of a channel's row: logo, number, name and the favourite star
// (on phones the name is left to screen readers, the logo says it).
export function ChannelCell({
  channel,
  row,
  metrics,
  tabbable,
  kids,
  onToggleFavorite,
}: {
  channel: Channel;
  row: number;
  metrics: GuideMetrics;
  tabbable: boolean;
  kids: boolean;
  onToggleFavorite: (channel: Channel) => void;
}) {
  const phone = metrics.size === 'phone';
  const logo = phone
    ? { width: 48, height: 27 }
    : metrics.size === 'tv'
      ? { width: 80, height: 45 }
      : { width: 64, height: 36 };
  return (
    <div
      role="rowheader"
      className={`sticky left-0 z-20 flex shrink-0 border-b border-r border-white/10 ${phone ? 'flex-col items-center justify-center gap-0.5 px-1' : 'items-center gap-3 px-3'} ${kids ? 'bg-indigo-900' : 'bg-neutral-900'}`}
      style={{ width: metrics.channelWidth, height: metrics.rowHeight }}
    >
      <img
        src={channel.logo_url}
        alt=""
        loading="lazy"
        decoding="async"
        width={logo.width}
        height={logo.height}
        className="shrink-0 rounded"
        style={logo}
      />
      <div className={`flex min-w-0 gap-1 ${phone ? 'items-center' : 'flex-1 flex-col items-start gap-0.5'}`}>
        <span className="text-xs tabular-nums text-neutral-300">{channel.number}</span>
        <span
          className={
            phone
              ? 'sr-only'
              : `line-clamp-2 font-semibold leading-tight text-white ${metrics.size === 'tv' ? 'text-base' : 'text-sm'}`
          }
        >
          {channel.name}
        </span>
        {phone && <FavoriteStar channel={channel} row={row} tabbable={tabbable} onToggle={onToggleFavorite} small />}
      </div>
      {!phone && <FavoriteStar channel={channel} row={row} tabbable={tabbable} onToggle={onToggleFavorite} />}
    </div>
  );
}

function FavoriteStar({
  channel,
  row,
  tabbable,
  onToggle,
  small = false,
}: {
  channel: Channel;
  row: number;
  tabbable: boolean;
  onToggle: (channel: Channel) => void;
  small?: boolean;
}) {
  return (
    <button
      type="button"
      tabIndex={tabbable ? 0 : -1}
      data-row={row}
      data-slot="channel"
      aria-pressed={channel.favorite}
      aria-label={`Favourite ${channel.name}`}
      title={channel.favorite ? 'Remove from favourites' : 'Add to favourites'}
      onClick={() => onToggle(channel)}
      className={`focus-ring shrink-0 rounded-full ${small ? 'p-1' : 'p-1.5'} ${channel.favorite ? 'text-yellow-300' : 'text-neutral-400 hover:text-white'}`}
    >
      <StarIcon filled={channel.favorite} className={small ? 'h-4 w-4' : 'h-5 w-5'} />
    </button>
  );
}
