import { describeError, type Rating, type TitleSummary } from '@kinora/shared';
import { useQuery } from '@tanstack/react-query';

import { ratingOf } from '../library/optimistic';
import { ratingsQuery, useRatingMutation } from '../library/queries';

const CHOICES: { value: Rating; label: string; icon: string }[] = [
  {
    value: 'down',
    label: 'Not for me',
    icon: 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.7a2 2 0 0 0-2 1.7L2.3 12a2 2 0 0 0 2 2.3zM17 2h3v11h-3',
  },
  {
    value: 'up',
    label: 'I like this',
    icon: 'M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.3a2 2 0 0 0 2-1.7l1.4-9a2 2 0 0 0-2-2.3zM7 22H4V11h3',
  },
  {
    value: 'love',
    label: 'Love this!',
    icon: 'M12 21s-7.5-4.6-9.5-9.3C1 8 3.4 4 7.2 4c2 0 3.6 1.1 4.8 2.7C13.2 5.1 14.8 4 16.8 4 20.6 4 23 8 21.5 11.7 19.5 16.4 12 21 12 21z',
  },
];

// Thumbs: pressing the chosen one again takes the rating back.
export function RatingButtons({ title }: { title: TitleSummary }) {
  const ratings = useQuery(ratingsQuery());
  const rate = useRatingMutation();
  const current = ratingOf(ratings.data, title.id);
  return (
    <div className="flex flex-col gap-1">
      <div role="group" aria-label="Rate this title" className="flex gap-2">
        {CHOICES.map((c) => {
          const pressed = current === c.value;
          return (
            <button
              key={c.value}
              type="button"
              aria-pressed={pressed}
              aria-label={c.label}
              title={c.label}
              disabled={ratings.isPending}
              onClick={() => rate.mutate({ title, rating: pressed ? null : c.value })}
              className={`focus-ring rounded-full p-2.5 ring-1 disabled:opacity-60 ${pressed ? 'bg-white text-neutral-950 ring-white' : 'text-neutral-200 ring-neutral-500 hover:bg-white/10'}`}
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-5 w-5"
                fill={pressed ? 'currentColor' : 'none'}
                stroke="currentColor"
                strokeWidth="2"
                strokeLinejoin="round"
              >
                <path d={c.icon} />
              </svg>
            </button>
          );
        })}
      </div>
      {rate.isError && (
        <p role="alert" className="text-sm text-red-300">
          Your rating was not saved: {describeError(rate.error).detail}
        </p>
      )}
    </div>
  );
}
