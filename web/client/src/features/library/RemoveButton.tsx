import { Button } from '@kinora/shared/ui';

// A small text button under a card, named after the title it removes.
export function RemoveButton({ label, titleName, onClick }: { label: string; titleName: string; onClick: () => void }) {
  return (
    <Button
      variant="ghost"
      onClick={onClick}
      aria-label={`${label}: ${titleName}`}
      className="mt-1 w-full px-2 py-1 text-xs"
    >
      {label}
    </Button>
  );
}
