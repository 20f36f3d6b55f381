import type { Channel } from '@kinora/shared';
import { useQueries } from '@tanstack/react-query';
import type { VirtualItem } from '@tanstack/react-virtual';

import type { RowView } from './GridRow';
import { CHANNEL_PAGE, pagesCovering, windowsCovering } from './layout';
import { mergeSlots, type GuidePage, type Slot } from './programme';
import { gridPageQuery, type GuideFilter } from './queries';

// The rows to draw, from the grid pages under the viewport (drawn rows × time windows
// of the drawn range).
export function useGridPages(filter: GuideFilter, rowItems: VirtualItem[], from: number, to: number) {
  // The pages (channels × time windows) under the viewport; TanStack Query keeps those
  // already loaded, so scrolling back draws at once.
  const offsets = pagesCovering(rowItems[0]?.index ?? 0, rowItems[rowItems.length - 1]?.index ?? -1);
  const windows = windowsCovering(from, to);
  const results = useQueries({
    queries: offsets.flatMap((o) => windows.map((w) => gridPageQuery(filter, o, w))),
  });
  const pages = new Map<string, GuidePage>();
  let failed = false;
  results.forEach((r, i) => {
    const o = offsets[Math.floor(i / windows.length)];
    const w = windows[i % windows.length];
    if (r.data) pages.set(`${o}:${w}`, r.data);
    else if (r.isError) failed = true;
  });

  const views: RowView[] = rowItems.map((item) => {
    const offset = Math.floor(item.index / CHANNEL_PAGE) * CHANNEL_PAGE;
    let channel: Channel | null = null;
    const parts: Slot[][] = [];
    for (const w of windows) {
      const r = pages.get(`${offset}:${w}`)?.rows[item.index - offset];
      if (!r) continue;
      channel ??= r.channel;
      parts.push(r.slots);
    }
    const slots = parts.length ? mergeSlots(parts).filter((s) => s.stop > from && s.start < to) : [];
    return { index: item.index, top: item.start, channel, slots };
  });
  const retry = () => results.forEach((r) => r.isError && void r.refetch());
  return { views, failed, retry };
}
