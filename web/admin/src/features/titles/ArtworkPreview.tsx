import type { TitleDetail } from '@kinora/shared';

// The generated poster (2:3) and backdrop (16:9), as viewers see them.
export function ArtworkPreview({ title }: { title: TitleDetail }) {
  return (
    <div className="flex flex-wrap items-start gap-4">
      <figure className="w-32">
        <img
          src={title.poster_url}
          alt={`${title.title} poster`}
          width={400}
          height={600}
          loading="lazy"
          className="aspect-[2/3] w-full rounded bg-neutral-800 object-cover"
        />
        <figcaption className="mt-1 text-xs text-neutral-300">Poster</figcaption>
      </figure>
      <figure className="w-full max-w-sm flex-1 basis-56">
        <img
          src={title.backdrop_url}
          alt={`${title.title} backdrop`}
          width={1280}
          height={720}
          loading="lazy"
          className="aspect-video w-full rounded bg-neutral-800 object-cover"
        />
        <figcaption className="mt-1 text-xs text-neutral-300">Backdrop</figcaption>
      </figure>
    </div>
  );
}
