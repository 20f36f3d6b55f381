// TV-style focus movement: the arrow keys move focus to the nearest focusable element
// in that direction, so every page works with arrows, Enter and Back alone.

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const KEYS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// The index of the best candidate from `from` towards `dir`, or -1. Candidates must lie
// ahead; among them, distance along the direction counts once and sideways offset
// twice, so focus prefers the item in line over a nearer one off to the side.
export function pickNext(from: Box, candidates: Box[], dir: Direction): number {
  const fx = from.left + from.width / 2;
  const fy = from.top + from.height / 2;
  let best = -1;
  let bestScore = Infinity;
  candidates.forEach((c, i) => {
    const cx = c.left + c.width / 2;
    const cy = c.top + c.height / 2;
    let ahead: number;
    let aside: number;
    switch (dir) {
      case 'right':
        ahead = c.left - (from.left + from.width) >= -1 ? cx - fx : -1;
        aside = Math.abs(cy - fy);
        break;
      case 'left':
        ahead = from.left - (c.left + c.width) >= -1 ? fx - cx : -1;
        aside = Math.abs(cy - fy);
        break;
      case 'down':
        ahead = c.top - (from.top + from.height) >= -1 ? cy - fy : -1;
        aside = Math.abs(cx - fx);
        break;
      case 'up':
        ahead = from.top - (c.top + c.height) >= -1 ? fy - cy : -1;
        aside = Math.abs(cx - fx);
        break;
    }
    if (ahead <= 0) return;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

function isTextEntry(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return true;
  if (!(el instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(el.type);
}

function visible(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

// Regions that move focus themselves (the guide grid, the player, dialogs' own
// lists) carry data-own-arrows; inside a modal dialog, focus stays in the dialog.
export function installSpatialNavigation(doc: Document = document): () => void {
  const onKey = (event: KeyboardEvent) => {
    const dir = KEYS[event.key];
    if (!dir || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
    if (current?.closest('[data-own-arrows]')) return;
    if (current && isTextEntry(current) && (dir === 'left' || dir === 'right')) return;
    if (current instanceof HTMLSelectElement) return;
    const scope: ParentNode = current?.closest('dialog[open]') ?? doc.querySelector('dialog[open]') ?? doc;
    const all = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el !== current && visible(el) && !el.closest('[inert]'),
    );
    if (all.length === 0) return;
    const from =
      current && current !== doc.body ? current.getBoundingClientRect() : { left: 0, top: 0, width: 0, height: 0 };
    const index = pickNext(
      from,
      all.map((el) => el.getBoundingClientRect()),
      dir,
    );
    if (index < 0) return;
    event.preventDefault();
    all[index].focus({ preventScroll: true });
    all[index].scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'auto' });
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
