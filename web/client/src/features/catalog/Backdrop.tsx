import { Artwork } from './Artwork';

// A decorative backdrop that fades into the page (masks, not overlays, so it blends
// with any page colour, the kids' one included). On a phone it sits on top, full width;
// from md up it fills the right of its (relative) parent and the text goes on the left.
export function Backdrop({ src }: { src: string }) {
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none [mask-image:linear-gradient(to_top,transparent,black_35%)] md:absolute md:right-0 md:top-0 md:w-[68%] md:[mask-composite:intersect] md:[mask-image:linear-gradient(to_right,transparent,black_45%),linear-gradient(to_top,transparent,black_35%)]"
    >
      <Artwork src={src} alt="" kind="backdrop" eager />
    </div>
  );
}
