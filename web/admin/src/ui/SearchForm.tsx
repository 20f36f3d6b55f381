import { Button, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

// A table's search box: the query is applied on submit (into the URL by the caller), and
// the box follows the URL when back/forward changes it.
export function SearchForm({
  name,
  label,
  query,
  onSearch,
  className = '',
}: {
  name: string;
  label: string;
  query: string;
  onSearch: (q: string) => void;
  className?: string;
}) {
  const [text, setText] = useState(query);
  const [shown, setShown] = useState(query);
  if (shown !== query) {
    setShown(query);
    setText(query);
  }
  return (
    <form
      role="search"
      aria-label={name}
      className={`flex flex-wrap items-end gap-2 ${className}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <TextField
        label={label}
        type="search"
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        className="min-w-0 flex-1 basis-60"
      />
      <Button type="submit">Search</Button>
      {query && (
        <Button variant="ghost" onClick={() => onSearch('')}>
          Clear search
        </Button>
      )}
    </form>
  );
}
