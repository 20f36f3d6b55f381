import type shakaNs from 'shaka-player/dist/shaka-player.hls-es2021.js';
import { useEffect, useRef, useState } from 'react';

import { FormError } from '../../ui/fields';
import { describePlayerFailure } from './previewError';

type Shaka = typeof shakaNs;

// Shaka is loaded on the first preview, so no other admin page carries it; the HLS-only
// build, as in the viewer app (Kinora serves only HLS).
let shakaModule: Promise<Shaka> | null = null;
function loadShaka(): Promise<Shaka> {
  shakaModule ??= import('shaka-player/dist/shaka-player.hls-es2021.js').then((m) => {
    m.default.polyfill.installAll();
    return m.default;
  });
  return shakaModule;
}

// The packaged HLS of a preview session in a plain <video> with the browser's controls.
// It starts muted so the browser lets it start by itself; the controls unmute it.
export function PreviewPlayer({ url, label }: { url: string; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let player: shakaNs.Player | null = null;
    let stopped = false;
    const fail = (detail: unknown) => {
      if (!stopped) setFailure(describePlayerFailure(detail));
    };
    void (async () => {
      try {
        const shaka = await loadShaka();
        if (stopped) return;
        player = new shaka.Player();
        player.addEventListener('error', (e) => fail((e as unknown as { detail: unknown }).detail));
        await player.attach(el);
        await player.load(url);
        if (!stopped) el.play().catch(() => undefined); // refused autoplay: the controls remain
      } catch (err) {
        fail(err);
      }
    })();
    return () => {
      stopped = true;
      void player?.destroy();
    };
  }, [url]);

  return (
    <div className="flex flex-col gap-2">
      <video
        ref={video}
        aria-label={label}
        controls
        muted
        playsInline
        className="aspect-video w-full rounded-md bg-black"
      />
      <FormError message={failure} />
    </div>
  );
}
