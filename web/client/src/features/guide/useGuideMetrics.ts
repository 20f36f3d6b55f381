import { useSyncExternalStore } from 'react';

// Sizes of the grid per screen: a narrow channel column on phones, bigger type and
// cells from across the room on a TV.
export interface GuideMetrics {
  size: 'phone' | 'desktop' | 'tv';
  channelWidth: number;
  rowHeight: number;
  headerHeight: number;
  pxPerMinute: number;
}

const METRICS: Record<GuideMetrics['size'], GuideMetrics> = {
  phone: { size: 'phone', channelWidth: 84, rowHeight: 64, headerHeight: 36, pxPerMinute: 4 },
  desktop: { size: 'desktop', channelWidth: 240, rowHeight: 72, headerHeight: 40, pxPerMinute: 6 },
  tv: { size: 'tv', channelWidth: 300, rowHeight: 88, headerHeight: 48, pxPerMinute: 8 },
};

const QUERIES = { tv: '(min-width: 1800px)', desktop: '(min-width: 640px)' };

function currentSize(): GuideMetrics['size'] {
  if (window.matchMedia(QUERIES.tv).matches) return 'tv';
  return window.matchMedia(QUERIES.desktop).matches ? 'desktop' : 'phone';
}

function subscribe(onChange: () => void) {
  const lists = Object.values(QUERIES).map((q) => window.matchMedia(q));
  lists.forEach((l) => l.addEventListener('change', onChange));
  return () => lists.forEach((l) => l.removeEventListener('change', onChange));
}

export function useGuideMetrics(): GuideMetrics {
  return METRICS[useSyncExternalStore(subscribe, currentSize)];
}
