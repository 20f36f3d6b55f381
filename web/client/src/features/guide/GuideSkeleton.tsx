import { Skeleton } from '@kinora/shared/ui';

import type { GuideMetrics } from './useGuideMetrics';

// The grid's shape while its first page loads: a time header and a few channel rows.
export function GuideSkeleton({ metrics }: { metrics: GuideMetrics }) {
  return (
    <div role="status" aria-label="Loading the guide" className="overflow-hidden border-t border-white/10">
      <div className="flex border-b border-white/10" style={{ height: metrics.headerHeight }}>
        <div className="shrink-0 border-r border-white/10" style={{ width: metrics.channelWidth }} />
        <div className="flex flex-1 items-center gap-24 px-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-3 w-10 shrink-0" />
          ))}
        </div>
      </div>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center" style={{ height: metrics.rowHeight }}>
          <div className="flex shrink-0 items-center gap-2 px-3" style={{ width: metrics.channelWidth }}>
            <Skeleton className="h-8 w-12 shrink-0" />
            {metrics.size !== 'phone' && <Skeleton className="h-4 flex-1" />}
          </div>
          <div className="flex flex-1 gap-1 overflow-hidden pr-1">
            {['w-40', 'w-24', 'w-56', 'w-32'].map((w) => (
              <Skeleton key={w} className={`h-12 shrink-0 ${w}`} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
