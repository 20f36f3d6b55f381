// Menu entries from the tracks Shaka exposes; pure, so they are tested without a player.

export interface MenuOption {
  id: string;
  label: string;
}

interface VideoTrackLike {
  height: number | null;
  active: boolean;
}
interface LangTrackLike {
  language: string;
  label: string | null;
  active: boolean;
}

// One entry per picture height, best first ("720p", "480p", ...).
export function qualityOptions(tracks: VideoTrackLike[]): MenuOption[] {
  const heights = [...new Set(tracks.map((t) => t.height).filter((h): h is number => !!h && h > 0))];
  return heights.sort((a, b) => b - a).map((h) => ({ id: String(h), label: `${h}p` }));
}

export function activeHeight(tracks: VideoTrackLike[]): number | null {
  return tracks.find((t) => t.active)?.height ?? null;
}

// Audio and subtitle entries: the playlist's NAME when given, else the language code;
// duplicates get a number so every entry can be told apart.
export function languageOptions(tracks: LangTrackLike[]): MenuOption[] {
  const seen = new Map<string, number>();
  return tracks.map((t, i) => {
    const base = t.label?.trim() || languageName(t.language) || `Track ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: String(i), label: n > 1 ? `${base} (${n})` : base };
  });
}

export function activeIndex(tracks: { active: boolean }[]): string | null {
  const i = tracks.findIndex((t) => t.active);
  return i < 0 ? null : String(i);
}

function languageName(code: string): string {
  if (!code || code === 'und') return '';
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
