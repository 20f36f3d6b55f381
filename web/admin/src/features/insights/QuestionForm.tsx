import { Button, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

import { MAX_QUESTION } from './format';

// The question box; Enter asks. It follows the URL's ?q= when back/forward or a chip changes it.
export function QuestionForm({
  question,
  error,
  busy,
  onAsk,
}: {
  question: string;
  error?: string;
  busy: boolean;
  onAsk: (q: string) => void;
}) {
  const [text, setText] = useState(question);
  const [shown, setShown] = useState(question);
  const [empty, setEmpty] = useState(false);
  if (shown !== question) {
    setShown(question);
    setText(question);
  }
  return (
    <form
      role="search"
      aria-label="Ask the data"
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const q = text.trim();
        setEmpty(!q);
        if (q) onAsk(q);
      }}
    >
      <TextField
        label="Your question"
        name="q"
        value={text}
        maxLength={MAX_QUESTION}
        placeholder="e.g. most played titles this week"
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setEmpty(false);
        }}
        error={empty ? 'Type a question first.' : error}
        hint="Plain words; name a period, plan, genre, channel or title if it matters."
        className="min-w-0 flex-1 basis-72"
      />
      <Button type="submit" busy={busy} className="mt-6">
        Ask
      </Button>
    </form>
  );
}
