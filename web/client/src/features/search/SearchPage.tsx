import { TextField } from '@kinora/shared/ui';
import { isApiError } from '@kinora/shared';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';

import { useSignedIn } from '../../app/useSignedIn';
import { genresQuery } from '../catalog/queries';
import { useBackKey } from '../catalog/useBackKey';
import { GenreLinks } from '../home/GenreLinks';
import { SEARCH_MAX_LENGTH, searchQuery } from './queries';
import { SearchResults } from './SearchResults';
import { useSearchText } from './useSearchText';

export default function SearchPage() {
  useBackKey();
  const { profile } = useSignedIn();
  const { text, setText, query, commit } = useSearchText();
  const genres = useQuery(genresQuery());
  const results = useInfiniteQuery({ ...searchQuery(query), placeholderData: keepPreviousData });
  // A refused query (too long, say) names the field: say it under the box too.
  const fieldError = isApiError(results.error) ? results.error.fieldErrors.q : undefined;

  return (
    <div className="flex flex-col gap-6 px-4 pt-6 md:px-8">
      <h1 className="text-2xl font-bold text-white md:text-3xl">Search</h1>
      <form
        role="search"
        className="max-w-2xl"
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <TextField
          label="Search titles"
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Titles, people, genres, moods…"
          hint="Search by title, cast, director, genre, mood or theme."
          error={fieldError}
          autoComplete="off"
          enterKeyHint="search"
          // Coming to Search means typing next.
          autoFocus
        />
      </form>
      {query ? (
        <SearchResults query={query} results={results} genres={genres.data ?? []} kids={profile.kids} />
      ) : (
        <div className="-mx-4 md:-mx-8">
          <GenreLinks genres={genres.data ?? []} heading="Browse a genre" />
        </div>
      )}
    </div>
  );
}
