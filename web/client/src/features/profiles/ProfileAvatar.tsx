import type { Profile } from '@kinora/shared';

const COLORS = ['bg-sky-600', 'bg-emerald-600', 'bg-amber-600', 'bg-violet-600', 'bg-rose-600', 'bg-teal-600'];
const SIZES = { xs: 'h-6 w-6 text-xs', sm: 'h-8 w-8 text-sm', lg: 'h-24 w-24 text-4xl md:h-32 md:w-32 md:text-5xl' };

// A profile's initial on a colour of its own (stable per id).
export function ProfileAvatar({ profile, size }: { profile: Profile; size: keyof typeof SIZES }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-md font-bold text-white ${SIZES[size]} ${COLORS[profile.id % COLORS.length]}`}
    >
      {profile.name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}
