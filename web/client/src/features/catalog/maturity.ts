import type { MaturityRating } from '@kinora/shared';

// The API's "all" reads better spelled out; the others are already labels ("13+").
export const maturityLabel = (rating: MaturityRating) => (rating === 'all' ? 'All ages' : rating);
