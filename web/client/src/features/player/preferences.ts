// Player settings kept across titles and visits (this browser only).

const VOLUME_KEY = 'kinora:volume';
const MUTED_KEY = 'kinora:muted';
// The subtitle language last chosen ('' for off), asked for again at the next load:
// Shaka streams text from the start only for a track chosen before load.
const SUBTITLES_KEY = 'kinora:subtitles';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the setting lasts for this page only.
  }
}

export const preferences = {
  volume(): number {
    const raw = stored(VOLUME_KEY);
    const volume = raw === null ? 1 : Number(raw);
    return Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
  },
  muted: () => stored(MUTED_KEY) === '1',
  subtitles: () => stored(SUBTITLES_KEY) || null,
  saveSound(volume: number, muted: boolean) {
    store(VOLUME_KEY, String(volume));
    store(MUTED_KEY, muted ? '1' : '0');
  },
  saveSubtitles: (language: string | null) => store(SUBTITLES_KEY, language ?? ''),
};
