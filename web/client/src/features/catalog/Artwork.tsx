import { useState } from 'react';

const ASPECT = { poster: 'aspect-[2/3]', backdrop: 'aspect-video' } as const;
// The artwork's own size (the API's SVGs are 400x600 and 1280x720), so the browser
// reserves the box before the picture arrives.
const SIZE = { poster: { width: 400, height: 600 }, backdrop: { width: 1280, height: 720 } } as const;

// A title's poster or backdrop in a fixed aspect box; when the picture fails to load,
// the box keeps its size and shows the title's name instead of a broken image.
export function Artwork({
  src,
  alt,
  kind,
  eager = false,
  className = '',
}: {
  src: string;
  alt: string;
  kind: keyof typeof ASPECT;
  eager?: boolean;
  className?: string;
}) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const failed = failedSrc === src;
  return (
    <div className={`relative overflow-hidden bg-neutral-800 ${ASPECT[kind]} ${className}`}>
      {failed ? (
        <div
          role={alt ? 'img' : undefined}
          aria-label={alt || undefined}
          aria-hidden={alt ? undefined : true}
          className="flex h-full w-full items-center justify-center bg-gradient-to-br from-neutral-700 to-neutral-900 p-3 text-center text-sm font-semibold text-neutral-200"
        >
          {alt}
        </div>
      ) : (
        <img
          src={src}
          alt={alt}
          {...SIZE[kind]}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          onError={() => setFailedSrc(src)}
          className="h-full w-full object-cover"
        />
      )}
    </div>
  );
}
