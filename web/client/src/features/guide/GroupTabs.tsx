import type { ChannelGroup } from '@kinora/shared';

import { filterKey, type GuideFilter } from './queries';

export interface GroupTab {
  key: string;
  label: string;
  filter: GuideFilter;
  count: number;
}

// Favourites first (the API lists that group only when the profile has some), then all
// channels, then one tab per category.
export function groupTabs(groups: ChannelGroup[]): GroupTab[] {
  const favorites = groups.find((g) => g.kind === 'favorites');
  const categories = groups.filter((g) => g.kind === 'category');
  const tabs: GroupTab[] = [];
  if (favorites)
    tabs.push({ key: 'favorites', label: 'Favourites', filter: { kind: 'favorites' }, count: favorites.count });
  tabs.push({
    key: 'all',
    label: 'All',
    filter: { kind: 'all' },
    count: categories.reduce((n, g) => n + g.count, 0),
  });
  for (const g of categories) {
    const filter: GuideFilter = { kind: 'category', id: g.id };
    tabs.push({ key: filterKey(filter), label: g.name, filter, count: g.count });
  }
  return tabs;
}

export function GroupTabs({
  tabs,
  active,
  panelId,
  kids,
  onChange,
}: {
  tabs: GroupTab[];
  active: string;
  panelId: string;
  kids: boolean;
  onChange: (tab: GroupTab) => void;
}) {
  return (
    <div
      role="tablist"
      aria-label="Channel groups"
      className="scrollbar-none flex gap-2 overflow-x-auto px-4 py-1 md:px-8"
    >
      {tabs.map((tab) => {
        const selected = tab.key === active;
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`guide-tab-${tab.key}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            className={`focus-ring shrink-0 whitespace-nowrap rounded-full px-4 py-1.5 text-sm font-semibold transition-colors ${
              selected
                ? kids
                  ? 'bg-yellow-300 text-indigo-950'
                  : 'bg-white text-neutral-950'
                : 'bg-white/10 text-neutral-100 hover:bg-white/20'
            }`}
          >
            {tab.label}
            <span className={`ml-1.5 text-xs font-normal ${selected ? 'opacity-70' : 'text-neutral-300'}`}>
              {tab.count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
